import type { Sql } from '../db/database.ts'
import { fromDatabase } from '../db/db-errors.ts'
import type { BucketSums } from '../db/heartbeats-repo.ts'
import { nodeKeyOf } from '../db/nodes-repo.ts'
import { notFound } from '../http/problem.ts'
import { beatHistory } from './beat-history.ts'
import { bucketHistory } from './bucket-history.ts'
import type { ClosedHistoryCache } from './closed-history-cache.ts'
import type { HistoryParams } from './history-params.ts'

export interface HistoryDeps {
  /** Closed history kept in memory; null reads everything from the database. */
  cache: ClosedHistoryCache | null
  now: number
}

/** Each bucket's answer made once: closed buckets come back on every read while the cache keeps them. */
const answers = new WeakMap<BucketSums, ReturnType<typeof answerOf>>()
const bucketJson = (b: BucketSums) => {
  let answer = answers.get(b)
  if (!answer) answers.set(b, (answer = answerOf(b)))
  return answer
}

function answerOf(b: BucketSums) {
  const avg = (i: 0 | 1 | 2) => {
    const x = b.counts[i] > 0 ? b.sums[i] / b.counts[i] : NaN
    return Number.isFinite(x) ? x : null
  }
  return {
    start: new Date(b.start).toISOString(),
    beats: b.beats,
    statuses: b.statuses,
    cpu_percent_avg: avg(0),
    memory_percent_avg: avg(1),
    disk_percent_avg: avg(2),
  }
}

/** A node's history exactly as registry-api.md §4 shapes it: raw beats newest first, buckets oldest first. */
export async function nodeHistory(
  sql: Sql,
  nodeId: string,
  p: HistoryParams,
  deps: HistoryDeps = { cache: null, now: Date.now() },
) {
  const { cache, now } = deps
  let key = cache?.nodeKey(nodeId, now)
  if (key === undefined) {
    const read = await fromDatabase(() => nodeKeyOf(sql, nodeId))
    if (read === null) throw notFound(`Node not found: ${nodeId}`)
    cache?.setNodeKey(nodeId, read, now)
    key = read
  }
  if (p.bucket !== null) {
    const bucket = p.bucket
    const span = { since: p.since.getTime(), until: p.until.getTime(), inclusive: true }
    const rows = await fromDatabase(() => bucketHistory(sql, cache, now, key, span, bucket))
    return { node_id: nodeId, bucket_seconds: bucket, buckets: rows.map(bucketJson) }
  }
  const window = { since: p.since.getTime(), until: p.until.getTime() }
  const beats = await fromDatabase(() => beatHistory(sql, cache, now, key, window, p.limit))
  return {
    node_id: nodeId,
    heartbeats: beats.map((b) => ({ timestamp: b.timestamp, status: b.status, metrics: b.metrics })),
    total: beats.length,
  }
}
