import type { ClosedHistoryCache } from './closed-history-cache.ts'

/** How a span's items are read from the database: [from, to) in time order, or null when too many to keep. */
export type ReadSpan<T> = (from: number, to: number) => Promise<T[] | null>

/** The index of the first item at or after `t` (items in time order). */
export function firstAtOrAfter<T>(items: readonly T[], t: number, at: (item: T) => number): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (at(items[mid] as T) < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The items in [from, to), all closed, from the cache where it holds them: only what it lacks is read (the
 * span grows at either end), and the entry then keeps [from - keepBefore, to) and what it had after that.
 * Null when the database has more than can be kept; the caller then asks the database directly.
 */
export async function closedSpan<T>(opts: {
  cache: ClosedHistoryCache
  key: string
  from: number
  to: number
  now: number
  at: (item: T) => number
  read: ReadSpan<T>
  keepBefore: number
}): Promise<readonly T[] | null> {
  const { cache, key, from, to, now, at, read } = opts
  const hit = cache.get<T>(key, now)
  let items: readonly T[]
  let spanFrom = from
  let spanTo = to
  let filledAt = now
  if (hit && hit.from <= to && from <= hit.to) {
    const [before, after] = await Promise.all([
      from < hit.from ? read(from, hit.from) : [],
      to > hit.to ? read(hit.to, to) : [],
    ])
    if (before === null || after === null) return null
    items = before.length + after.length === 0 ? hit.items : [...before, ...hit.items, ...after]
    spanFrom = Math.min(from, hit.from)
    spanTo = Math.max(to, hit.to)
    filledAt = cache.filledAt(key) ?? now
  } else {
    const read_ = await read(from, to)
    if (read_ === null) return null
    items = read_
  }
  const keepFrom = from - opts.keepBefore
  if (spanFrom < keepFrom) {
    items = items.slice(firstAtOrAfter(items, keepFrom, at))
    spanFrom = keepFrom
  }
  cache.set(key, { from: spanFrom, to: spanTo, items }, filledAt)
  return items.slice(firstAtOrAfter(items, from, at), firstAtOrAfter(items, to, at))
}
