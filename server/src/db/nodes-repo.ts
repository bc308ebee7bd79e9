import type { Sql } from './database.ts'
import { NodeRowSchema, type NodeRow } from './rows.ts'

/**
 * Reads of `nodes`, on the columns both registry schemas have. `ip_address`/`local_ip` are varchar in schema A
 * and inet in schema B, whose text form carries a `/32` (`host()` would be inet-only).
 */
export function nodeColumns(sql: Sql) {
  return sql`n.id::text AS id, n.node_id, n.node_name, n.node_role, n.node_type, n.hostname,
    regexp_replace(n.ip_address::text, '/(32|128)$', '') AS ip_address,
    regexp_replace(n.local_ip::text, '/(32|128)$', '') AS local_ip, n.status,
    n.last_heartbeat, n.registered_at, n.updated_at`
}

/** The database key (`nodes.id`) of a node, by its string `node_id`; null when there is none. */
export async function nodeKeyOf(sql: Sql, nodeId: string): Promise<string | null> {
  const rows = await sql<{ id: string }[]>`SELECT id::text AS id FROM nodes WHERE node_id = ${nodeId}`
  return rows[0]?.id ?? null
}

export async function nodeByNodeId(sql: Sql, nodeId: string): Promise<NodeRow | null> {
  const rows = await sql`SELECT ${nodeColumns(sql)} FROM nodes n WHERE n.node_id = ${nodeId}`
  return rows[0] ? NodeRowSchema.parse(rows[0]) : null
}

export async function nodesByKeys(sql: Sql, keys: readonly string[]): Promise<NodeRow[]> {
  if (keys.length === 0) return []
  const rows = await sql`SELECT ${nodeColumns(sql)} FROM nodes n WHERE n.id = ANY(${[...keys]}::uuid[])`
  return rows.flatMap((r) => {
    const parsed = NodeRowSchema.safeParse(r)
    return parsed.success ? [parsed.data] : []
  })
}
