import type { Sql } from '../db/database.ts'
import { rawHeartbeats, type Beat } from '../db/heartbeats-repo.ts'
import type { ClosedHistoryCache } from './closed-history-cache.ts'
import { closedSpan } from './closed-span.ts'

/** A closed span of raw beats is kept only up to this many beats and this length (two days at 30 s). */
const MAX_KEPT_BEATS = 10_000
const MAX_KEPT_SPAN_MS = 2 * 86_400_000
const STEP_MS = 60_000

/**
 * A node's newest `limit` beats in [since, until], newest first. With a cache, the closed part of the window
 * (older than the cache's margin) comes from memory, filled from the database once; only the open tail, a
 * few minutes of one node's rows, is read each time.
 */
export async function beatHistory(
  sql: Sql,
  cache: ClosedHistoryCache | null,
  now: number,
  nodeKey: string,
  window: { since: number; until: number },
  limit: number,
): Promise<Beat[]> {
  const read = (since: number, until: number, untilInclusive: boolean, max: number) =>
    rawHeartbeats(sql, nodeKey, { since: new Date(since), until: new Date(until), untilInclusive }, max)
  const { since, until } = window
  const cut = Math.floor((now - (cache?.options.closeAfterMs ?? 0)) / STEP_MS) * STEP_MS
  if (!cache || since >= cut || until < cut || cut - since > MAX_KEPT_SPAN_MS) {
    return read(since, until, true, limit)
  }
  const [open, closed] = await Promise.all([
    read(cut, until, true, limit),
    closedSpan<Beat>({
      cache,
      key: `${nodeKey}/beats`,
      from: since,
      to: cut,
      now,
      at: (b) => b.at,
      read: async (from, to) => {
        const newestFirst = await read(from, to, false, MAX_KEPT_BEATS + 1)
        return newestFirst.length > MAX_KEPT_BEATS ? null : newestFirst.reverse()
      },
      keepBefore: 3_600_000,
    }),
  ])
  if (closed === null) return read(since, until, true, limit)
  const beats = open.slice(0, limit)
  for (let i = closed.length - 1; i >= 0 && beats.length < limit; i--) beats.push(closed[i] as Beat)
  return beats
}
