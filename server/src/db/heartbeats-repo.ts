import { z } from 'zod'
import type { Sql } from './database.ts'
import { TimeSchema } from './rows.ts'

/**
 * A node's heartbeats from `heartbeat_log`, raw or in buckets. Every comparison and `date_bin` works on
 * `timestamptz` values and the bucket origin carries its zone, so no result depends on the session's
 * TimeZone. Metrics are the node's own JSON: a key is averaged only where it holds a number of sane size.
 */
export interface Range {
  since: Date
  until: Date
  /** Whether a row at exactly `until` belongs to the range (the route's bounds) or not (a cached span's end). */
  untilInclusive: boolean
}

/** One beat as the route answers it; `at` is its time in ms, for the cache's bounds. */
export interface Beat {
  at: number
  timestamp: string
  status: string | null
  metrics: Record<string, unknown>
}

const RawRowSchema = z.object({
  ts: TimeSchema,
  status: z.string().nullable(),
  // The SQL already turns anything but an object into {}: what arrives is a parsed JSON object.
  metrics: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
})

const upper = (sql: Sql, r: Range) =>
  r.untilInclusive ? sql`h."timestamp" <= ${r.until}` : sql`h."timestamp" < ${r.until}`

/** The newest `limit` beats in the range, newest first; a row that is not as expected is left out. */
export async function rawHeartbeats(sql: Sql, nodeKey: string, range: Range, limit: number): Promise<Beat[]> {
  // The window is read as a set, then sorted: planned under the LIMIT, PostgreSQL bets on walking the
  // "timestamp" index newest first (it takes node and time as independent) and reads every node's rows.
  const rows = await sql`
    WITH win AS MATERIALIZED (
      SELECT h."timestamp" AS ts, h.status, h.metrics
      FROM heartbeat_log h
      WHERE h.node_id = ${nodeKey}::uuid AND h."timestamp" >= ${range.since} AND ${upper(sql, range)}
    )
    SELECT ts, status, CASE WHEN jsonb_typeof(metrics) = 'object' THEN metrics ELSE '{}'::jsonb END AS metrics
    FROM win ORDER BY ts DESC LIMIT ${limit}`
  const beats: Beat[] = []
  for (const row of rows) {
    const r = RawRowSchema.safeParse(row)
    if (!r.success) continue
    const at = r.data.ts.getTime()
    beats.push({ at, timestamp: r.data.ts.toISOString(), status: r.data.status, metrics: r.data.metrics })
  }
  return beats
}

/** A bucket as sums and counts, so buckets of a finer width merge exactly into a wider one. */
export interface BucketSums {
  start: number
  beats: number
  statuses: Record<string, number>
  /** Sum and count of the numeric values of cpu_percent, memory_percent and disk_percent. */
  sums: [number, number, number]
  counts: [number, number, number]
}

const Finite = z.number().refine(Number.isFinite)
const BucketRowSchema = z.object({
  start: TimeSchema,
  beats: z.number().int().nonnegative(),
  statuses: z.record(z.string(), z.number().int().nonnegative()).catch({}),
  sums: z.tuple([Finite.nullable(), Finite.nullable(), Finite.nullable()]),
  counts: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
})

/** The bucket origin: the Unix epoch in UTC, so day buckets start at midnight UTC. */
const ORIGIN = new Date(0)

/** The range's beats in buckets of `bucketSeconds` from the epoch, oldest first. */
export async function bucketedHeartbeats(
  sql: Sql,
  nodeKey: string,
  range: Range,
  bucketSeconds: number,
): Promise<BucketSums[]> {
  // Each metric is taken out of the JSON once per row (`OFFSET 0` keeps each level from being merged into
  // the next, which would repeat the extraction per use) and summed as numeric: a JSON number of any size
  // converts, and one beyond 1e300 (no sane metric) is left out rather than overflowing the sum.
  const rows = await sql`
    WITH beats AS (
      SELECT start, status,
        CASE WHEN jsonb_typeof(cpu) = 'number' THEN cpu::numeric END AS cpu,
        CASE WHEN jsonb_typeof(mem) = 'number' THEN mem::numeric END AS mem,
        CASE WHEN jsonb_typeof(disk) = 'number' THEN disk::numeric END AS disk
      FROM (
        SELECT date_bin(make_interval(secs => ${bucketSeconds}), h."timestamp", ${ORIGIN}::timestamptz) AS start,
          h.status, h.metrics -> 'cpu_percent' AS cpu, h.metrics -> 'memory_percent' AS mem,
          h.metrics -> 'disk_percent' AS disk
        FROM heartbeat_log h
        WHERE h.node_id = ${nodeKey}::uuid AND h."timestamp" >= ${range.since} AND ${upper(sql, range)}
        OFFSET 0
      ) AS extracted
      OFFSET 0
    ), per_status AS (
      SELECT start, status, count(*) AS n,
        sum(cpu) FILTER (WHERE abs(cpu) < 1e300) AS cpu_sum, count(cpu) FILTER (WHERE abs(cpu) < 1e300) AS cpu_n,
        sum(mem) FILTER (WHERE abs(mem) < 1e300) AS mem_sum, count(mem) FILTER (WHERE abs(mem) < 1e300) AS mem_n,
        sum(disk) FILTER (WHERE abs(disk) < 1e300) AS disk_sum,
        count(disk) FILTER (WHERE abs(disk) < 1e300) AS disk_n
      FROM beats GROUP BY start, status
    )
    SELECT start, sum(n)::int AS beats,
      coalesce(jsonb_object_agg(status, n) FILTER (WHERE status IS NOT NULL), '{}'::jsonb) AS statuses,
      jsonb_build_array(sum(cpu_sum)::float8, sum(mem_sum)::float8, sum(disk_sum)::float8) AS sums,
      jsonb_build_array(sum(cpu_n)::int, sum(mem_n)::int, sum(disk_n)::int) AS counts
    FROM per_status GROUP BY start ORDER BY start`
  const buckets: BucketSums[] = []
  for (const row of rows) {
    const r = BucketRowSchema.safeParse(row)
    if (!r.success) continue
    const { start, beats, statuses, sums, counts } = r.data
    // A sum beyond float8 (a sum of many values near 1e300) has no average: that metric is null.
    const clean = (i: 0 | 1 | 2): [number, number] => {
      const s = sums[i]
      return s === null ? [0, 0] : [s, counts[i]]
    }
    const [c, m, d] = [clean(0), clean(1), clean(2)]
    buckets.push({
      start: start.getTime(),
      beats,
      statuses,
      sums: [c[0], m[0], d[0]],
      counts: [c[1], m[1], d[1]],
    })
  }
  return buckets
}
