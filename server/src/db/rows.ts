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
