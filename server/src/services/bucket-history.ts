import type { Sql } from '../db/database.ts'
import { bucketedHeartbeats, type BucketSums } from '../db/heartbeats-repo.ts'
import type { ClosedHistoryCache } from './closed-history-cache.ts'
import { closedSpan } from './closed-span.ts'

/** A span of time: `until` inclusive for the route's bounds, exclusive for a part ending where another begins. */
interface Span {
  since: number
  until: number
  inclusive: boolean
}

const MINUTE_SECONDS = 60
const floorTo = (t: number, step: number) => Math.floor(t / step) * step
const ceilTo = (t: number, step: number) => Math.ceil(t / step) * step

/** Buckets of a finer width merged into those of `width` ms that hold them (sums and counts add up). */
export function mergeBuckets(width: number, parts: readonly BucketSums[]): BucketSums[] {
  const merged: BucketSums[] = []
  for (const p of parts) {
    const start = floorTo(p.start, width)
    let into = merged.at(-1)
    if (into?.start !== start) {
      // No prototype: a status is the node's own text, "__proto__" included.
      const statuses = Object.create(null) as Record<string, number>
      into = { start, beats: 0, statuses, sums: [0, 0, 0], counts: [0, 0, 0] }
      merged.push(into)
    }
    into.beats += p.beats
    for (const [status, n] of Object.entries(p.statuses))
      into.statuses[status] = (into.statuses[status] ?? 0) + n
    for (const i of [0, 1, 2] as const) {
      into.sums[i] += p.sums[i]
      into.counts[i] += p.counts[i]
    }
  }
  return merged
}

/**
 * A node's buckets over a span. With a cache, the buckets wholly inside the span and closed (ended more than
 * the cache's margin ago) come from memory, filled from the database once; the first bucket the span cuts
 * and the open tail are assembled from minute buckets kept the same way. Each read then asks the database
 * only for the minutes not yet closed and a first minute the span cuts: a few minutes of one node's rows.
 */
export async function bucketHistory(
  sql: Sql,
  cache: ClosedHistoryCache | null,
  now: number,
  nodeKey: string,
  span: Span,
  bucketSeconds: number,
  role = 'buckets',
): Promise<BucketSums[]> {
  const read = (s: Span) =>
    bucketedHeartbeats(
      sql,
      nodeKey,
      { since: new Date(s.since), until: new Date(s.until), untilInclusive: s.inclusive },
      bucketSeconds,
    )
  const width = bucketSeconds * 1000
  const closedBefore = floorTo(now - (cache?.options.closeAfterMs ?? 0), width)
  const first = ceilTo(span.since, width)
  const last = Math.min(floorTo(span.until, width), closedBefore)
  if (!cache || span.since < 0 || last - first < width) return read(span)

  // The parts a bucket's width does not cover whole, built from minute buckets kept the same way, so only
  // their newest minutes (and a first minute the span cuts) are read each time.
  const byMinutes = async (part: Span, end: string): Promise<BucketSums[]> => {
    if (bucketSeconds <= MINUTE_SECONDS || bucketSeconds % MINUTE_SECONDS !== 0) return read(part)
    const minutes = await bucketHistory(
      sql,
      cache,
      now,
      nodeKey,
      part,
      MINUTE_SECONDS,
      `${end}-${bucketSeconds}`,
    )
    return mergeBuckets(width, minutes)
  }
  const tail = { since: last, until: span.until, inclusive: span.inclusive }
  const [before, middle, after] = await Promise.all([
    span.since === first ? [] : byMinutes({ since: span.since, until: first, inclusive: false }, 'head'),
    closedSpan<BucketSums>({
      cache,
      key: `${nodeKey}/${role}/${bucketSeconds}`,
      from: first,
      to: last,
      now,
      at: (b) => b.start,
      read: (from, to) => read({ since: from, until: to, inclusive: false }),
      keepBefore: 24 * width,
    }),
    !span.inclusive && last >= span.until ? [] : byMinutes(tail, 'tail'),
  ])
  return [...before, ...(middle ?? []), ...after]
}
