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
  const rows = await sql`
    SELECT h."timestamp" AS ts, h.status,
      CASE WHEN jsonb_typeof(h.metrics) = 'object' THEN h.metrics ELSE '{}'::jsonb END AS metrics
    FROM heartbeat_log h
    WHERE h.node_id = ${nodeKey}::uuid AND h."timestamp" >= ${range.since} AND h."timestamp" <= ${range.until}
    ORDER BY h."timestamp" DESC
    LIMIT ${limit}`
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
  // A number of sane size (its JSON text at most 24 characters: no 1e400), read from its text; else null.
  const metric = (key: string) => sql`CASE WHEN jsonb_typeof(h.metrics -> ${key}::text) = 'number'
    THEN CASE WHEN length(h.metrics ->> ${key}::text) <= 24 THEN (h.metrics ->> ${key}::text)::float8 END END`
  const rows = await sql`
    WITH beats AS (
      SELECT date_bin(make_interval(secs => ${bucketSeconds}), h."timestamp", ${ORIGIN}::timestamptz) AS start,
        h.status, ${metric('cpu_percent')} AS cpu, ${metric('memory_percent')} AS mem, ${metric('disk_percent')} AS disk
      FROM heartbeat_log h
      WHERE h.node_id = ${nodeKey}::uuid AND h."timestamp" >= ${range.since} AND h."timestamp" <= ${range.until}
    ), per_status AS (
      SELECT start, status, count(*) AS n,
        sum(cpu) AS cpu_sum, count(cpu) AS cpu_n, sum(mem) AS mem_sum, count(mem) AS mem_n,
        sum(disk) AS disk_sum, count(disk) AS disk_n
      FROM beats GROUP BY start, status
    )
    SELECT start, sum(n)::int AS beats,
      coalesce(jsonb_object_agg(status, n) FILTER (WHERE status IS NOT NULL), '{}'::jsonb) AS statuses,
      sum(cpu_sum) / nullif(sum(cpu_n), 0) AS cpu_percent_avg,
      sum(mem_sum) / nullif(sum(mem_n), 0) AS memory_percent_avg,
      sum(disk_sum) / nullif(sum(disk_n), 0) AS disk_percent_avg
    FROM per_status GROUP BY start ORDER BY start`
  return rows.map((r) => BucketRowSchema.parse(r))
}
