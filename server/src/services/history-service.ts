import type { Sql } from '../db/database.ts'
import { fromDatabase } from '../db/db-errors.ts'
import { bucketedHeartbeats, rawHeartbeats } from '../db/heartbeats-repo.ts'
import { nodeKeyOf } from '../db/nodes-repo.ts'
import { notFound } from '../http/problem.ts'
import type { HistoryParams } from './history-params.ts'

/** A node's history exactly as registry-api.md §4 shapes it: raw beats newest first, buckets oldest first. */
export async function nodeHistory(sql: Sql, nodeId: string, p: HistoryParams) {
  const key = await fromDatabase(() => nodeKeyOf(sql, nodeId))
  if (key === null) throw notFound(`Node not found: ${nodeId}`)
  const range = { since: p.since, until: p.until }
  if (p.bucket !== null) {
    const bucket = p.bucket
    const rows = await fromDatabase(() => bucketedHeartbeats(sql, key, range, bucket))
    return {
      node_id: nodeId,
      bucket_seconds: bucket,
      buckets: rows.map((b) => ({ ...b, start: b.start.toISOString() })),
    }
  }
  const rows = await fromDatabase(() => rawHeartbeats(sql, key, range, p.limit))
  return {
    node_id: nodeId,
    heartbeats: rows.map((r) => ({ timestamp: r.ts.toISOString(), status: r.status, metrics: r.metrics })),
    total: rows.length,
  }
}
