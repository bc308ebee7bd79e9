import { z } from 'zod'
import type { Sql } from './database.ts'
import { JsonObjectSchema, NullableNumber, TimeSchema } from './rows.ts'

/**
 * A node's heartbeats from `heartbeat_log`, raw or in buckets. Every comparison and `date_bin` works on
 * `timestamptz` values and the bucket origin carries its zone, so no result depends on the session's
 * TimeZone. Metrics are the node's own JSON: a key is averaged only where it holds a number of sane size.
 */
export interface Range {
  since: Date
  until: Date
}

const RawRowSchema = z.object({ ts: TimeSchema, status: z.string().nullable(), metrics: JsonObjectSchema })
export type RawBeatRow = z.infer<typeof RawRowSchema>

export async function rawHeartbeats(
  sql: Sql,
  nodeKey: string,
  range: Range,
  limit: number,
): Promise<RawBeatRow[]> {
  // The window is read as a set, then sorted: planned under the LIMIT, PostgreSQL bets on walking the
  // "timestamp" index newest first (it takes node and time as independent) and reads every node's rows.
  const rows = await sql`
    WITH win AS MATERIALIZED (
      SELECT h."timestamp" AS ts, h.status, h.metrics
      FROM heartbeat_log h
      WHERE h.node_id = ${nodeKey}::uuid AND h."timestamp" >= ${range.since} AND h."timestamp" <= ${range.until}
    )
    SELECT ts, status, CASE WHEN jsonb_typeof(metrics) = 'object' THEN metrics ELSE '{}'::jsonb END AS metrics
    FROM win ORDER BY ts DESC LIMIT ${limit}`
  return rows.map((r) => RawRowSchema.parse(r))
}

const BucketRowSchema = z.object({
  start: TimeSchema,
  beats: z.number().int(),
  statuses: z.record(z.string(), z.number()).catch({}),
  cpu_percent_avg: NullableNumber,
  memory_percent_avg: NullableNumber,
  disk_percent_avg: NullableNumber,
})
export type BucketRow = z.infer<typeof BucketRowSchema>

/** The bucket origin: the Unix epoch in UTC, so day buckets start at midnight UTC. */
const ORIGIN = new Date(0)

export async function bucketedHeartbeats(
  sql: Sql,
  nodeKey: string,
  range: Range,
  bucketSeconds: number,
): Promise<BucketRow[]> {
  // Each metric is taken out of the JSON once per row (`OFFSET 0` keeps each level from being merged into
  // the next, which would repeat the extraction per use) and summed as numeric: a JSON number of any size
  // converts, and one beyond 1e300 (no sane metric) is left out rather than overflowing the average.
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
        WHERE h.node_id = ${nodeKey}::uuid AND h."timestamp" >= ${range.since} AND h."timestamp" <= ${range.until}
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
      (sum(cpu_sum) / nullif(sum(cpu_n), 0))::float8 AS cpu_percent_avg,
      (sum(mem_sum) / nullif(sum(mem_n), 0))::float8 AS memory_percent_avg,
      (sum(disk_sum) / nullif(sum(disk_n), 0))::float8 AS disk_percent_avg
    FROM per_status GROUP BY start ORDER BY start`
  return rows.map((r) => BucketRowSchema.parse(r))
}
