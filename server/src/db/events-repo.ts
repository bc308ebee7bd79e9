import { z } from 'zod'
import type { Sql } from './database.ts'
import { JsonObjectSchema, TimeSchema } from './rows.ts'

/** The reads of the live stream: new `heartbeat_log` rows by time, and changed `nodes` rows, with an overlap. */
const BeatRowSchema = z.object({
  id: z.string(),
  key: z.string(),
  node_id: z.string(),
  ts: TimeSchema,
  status: z.string().nullable(),
  metrics: JsonObjectSchema,
})
export type BeatRow = z.infer<typeof BeatRowSchema>

/**
 * Beats after `lower` (or, on the first read, the last `backfillSeconds`), oldest first, except the ids
 * already seen. `heartbeat_log.id` is random, so time is the cursor; a row committed late within the overlap
 * is still found, and the seen ids keep it from being sent twice. Rows dated more than a minute ahead of the
 * database's clock wait until then, so one bad row cannot push the cursor into the future.
 */
export async function beatsSince(
  sql: Sql,
  opts: { lower: Date | null; backfillSeconds: number; seenIds: readonly string[]; limit: number },
): Promise<BeatRow[]> {
  const rows = await sql`
    SELECT h.id::text AS id, h.node_id::text AS key, n.node_id, h."timestamp" AS ts, h.status,
      CASE WHEN jsonb_typeof(h.metrics) = 'object' THEN h.metrics ELSE '{}'::jsonb END AS metrics
    FROM heartbeat_log h JOIN nodes n ON n.id = h.node_id
    WHERE h."timestamp" > coalesce(${opts.lower}::timestamptz, now() - make_interval(secs => ${opts.backfillSeconds}))
      AND h."timestamp" <= now() + interval '1 minute'
      AND NOT (h.id = ANY(${[...opts.seenIds]}::uuid[]))
    ORDER BY h."timestamp"
    LIMIT ${opts.limit}`
  return rows.flatMap((r) => {
    const parsed = BeatRowSchema.safeParse(r)
    return parsed.success ? [parsed.data] : []
  })
}

const NodeStateSchema = z.object({
  key: z.string(),
  status: z.string().nullable(),
  registered_at: TimeSchema.nullable(),
  updated_at: TimeSchema.nullable(),
})
export type NodeState = z.infer<typeof NodeStateSchema>

function states(rows: readonly unknown[]): NodeState[] {
  return rows.flatMap((r) => {
    const parsed = NodeStateSchema.safeParse(r)
    return parsed.success ? [parsed.data] : []
  })
}

/** Every node's status and registration time: what a `node` event is a change of (read once, at start). */
export async function nodeStates(sql: Sql): Promise<NodeState[]> {
  return states(await sql`SELECT id::text AS key, status, registered_at, updated_at FROM nodes`)
}

/**
 * The nodes whose row changed or that registered after `lower`: a heartbeat, a registration and any change
 * of status all set `updated_at` (registry-db.md). A tick reads the few rows that moved, not the fleet.
 * `readAt` is the database's clock as the read began: a row committed later is dated after it, less the
 * commit's lag.
 */
export async function nodeStatesSince(sql: Sql, lower: Date): Promise<{ rows: NodeState[]; readAt: Date }> {
  const [clock] = await sql<{ at: Date }[]>`SELECT now() AS at`
  const rows = await sql`SELECT id::text AS key, status, registered_at, updated_at FROM nodes
    WHERE updated_at > ${lower} OR registered_at > ${lower}`
  return { rows: states(rows), readAt: clock?.at ?? lower }
}
