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

/** Buckets of one width merged into one starting at `start` (the head of a range, from minute buckets). */
export function mergeBuckets(start: number, parts: readonly BucketSums[]): BucketSums {
  const statuses = new Map<string, number>()
  const sums: [number, number, number] = [0, 0, 0]
  const counts: [number, number, number] = [0, 0, 0]
  let beats = 0
  for (const p of parts) {
    beats += p.beats
    for (const [status, n] of Object.entries(p.statuses))
      statuses.set(status, (statuses.get(status) ?? 0) + n)
    for (const i of [0, 1, 2] as const) {
      sums[i] += p.sums[i]
      counts[i] += p.counts[i]
    }
  }
  return { start, beats, statuses: Object.fromEntries(statuses), sums, counts }
}

/**
 * A node's buckets over a span. With a cache, the buckets wholly inside the span and closed (ended more than
 * the cache's margin ago) come from memory, filled from the database once; only the open tail, and a first
 * bucket the span cuts (assembled from closed minute buckets, kept the same way), are read each time. Every
 * read the database still does covers at most a bucket's width, or a minute, of one node's rows.
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

  const head = async (): Promise<BucketSums[]> => {
    if (span.since === first) return []
    const part = { since: span.since, until: first, inclusive: false }
    if (bucketSeconds <= MINUTE_SECONDS || bucketSeconds % MINUTE_SECONDS !== 0) return read(part)
    const minutes = await bucketHistory(
      sql,
      cache,
      now,
      nodeKey,
      part,
      MINUTE_SECONDS,
      `head-${bucketSeconds}`,
    )
    return minutes.length > 0 ? [mergeBuckets(floorTo(span.since, width), minutes)] : []
  }
  const tailEmpty = !span.inclusive && last >= span.until
  const [before, middle, after] = await Promise.all([
    head(),
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
    tailEmpty ? [] : read({ since: last, until: span.until, inclusive: span.inclusive }),
  ])
  return [...before, ...(middle ?? []), ...after]
}
