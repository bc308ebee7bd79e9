import { z } from 'zod'

/** Rows as the queries below shape them, validated at the boundary like any other input. */
export const TimeSchema = z.date().refine((d) => Number.isFinite(d.getTime()), 'invalid date')
export const JsonObjectSchema = z.record(z.string(), z.unknown()).catch({})
export const NullableNumber = z.number().nullable().catch(null)

/** The columns of `nodes` that both registry schemas have (ip columns cast to text). */
export const NodeRowSchema = z.object({
  id: z.string(),
  node_id: z.string(),
  node_name: z.string().nullable(),
  node_role: z.string().nullable(),
  node_type: z.string().nullable(),
  hostname: z.string().nullable(),
  ip_address: z.string().nullable(),
  local_ip: z.string().nullable(),
  status: z.string().nullable(),
  last_heartbeat: TimeSchema.nullable(),
  registered_at: TimeSchema.nullable(),
  updated_at: TimeSchema.nullable(),
})
export type NodeRow = z.infer<typeof NodeRowSchema>

/** A node row as JSON: timestamps ISO with Z. */
export function nodeJson(row: NodeRow) {
  return {
    ...row,
    last_heartbeat: row.last_heartbeat?.toISOString() ?? null,
    registered_at: row.registered_at?.toISOString() ?? null,
    updated_at: row.updated_at?.toISOString() ?? null,
  }
}

/** What a node's profile holds beyond its row; the columns only the registry's own schema has. */
export interface ProfileExtras {
  roles?: string[] | null
  gpu?: unknown
  modules?: unknown
  version?: string | null
}

/** A node's profile as the registry's `/profile` route shapes it, from its row; what is missing is empty. */
export function profileJson(row: NodeRow, extras: ProfileExtras = {}) {
  return {
    node_id: row.node_id,
    name: row.node_name,
    role: row.node_role,
    type: row.node_type,
    ip_address: row.ip_address,
    hostname: row.hostname,
    status: row.status,
    roles: extras.roles ?? [],
    gpu: extras.gpu ?? null,
    modules: extras.modules ?? [],
    version: extras.version ?? null,
    vpn_ip: null,
  }
}
