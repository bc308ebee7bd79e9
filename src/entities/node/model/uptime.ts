import {
  aliveSpansFromBeats,
  aliveSpansFromBuckets,
  findOutages,
  type AliveSpan,
  type Outage,
  type TimeWindow,
} from './outages.ts'

/**
 * Uptime of a node over a window, where every silence longer than the online threshold is downtime
 * (see `findOutages` in `outages.ts` for the rule, including the window's edges).
 */
export interface Uptime {
  /** Time counted up inside the window (ms). */
  upMs: number
  /** Time counted down inside the window (ms). */
  downMs: number
  /** Length of the window (ms). */
  windowMs: number
  /** `upMs / windowMs` in 0..1; null for an empty window. */
  ratio: number | null
  /** The outages the downtime comes from (their parts before the window are not counted). */
  outages: Outage[]
}

export function uptimeOf(spans: readonly AliveSpan[], window: TimeWindow, onlineMs: number): Uptime {
  const windowMs = Math.max(0, window.end - window.start)
  const outages = findOutages(spans, window, onlineMs)
  let downMs = 0
  for (const o of outages) {
    const from = Math.max(o.start, window.start)
    const to = Math.min(o.end ?? window.end, window.end)
    if (to > from) downMs += to - from
  }
  downMs = Math.min(downMs, windowMs)
  return {
    upMs: windowMs - downMs,
    downMs,
    windowMs,
    ratio: windowMs > 0 ? (windowMs - downMs) / windowMs : null,
    outages,
  }
}

/** Uptime from heartbeat timestamps (any order). Include the last beat before the window when known. */
export function uptimeFromBeats(timestamps: readonly number[], window: TimeWindow, onlineMs: number): Uptime {
  return uptimeOf(aliveSpansFromBeats(timestamps), window, onlineMs)
}

/**
 * Uptime from history buckets, where an absent bucket is a silence. `window.end` is now; `lastBeat` (the
 * node's last heartbeat) keeps the newest bucket from counting the node up after it fell silent.
 */
export function uptimeFromBuckets(
  buckets: readonly { start: number | null; beats: number }[],
  bucketMs: number,
  window: TimeWindow,
  onlineMs: number,
  lastBeat: number | null = null,
  /** The expected heartbeat interval: when given, thin buckets count their missing beats as down too. */
  intervalMs?: number,
): Uptime {
  const u = uptimeOf(
    aliveSpansFromBuckets(buckets, bucketMs, { now: window.end, lastBeat }),
    window,
    onlineMs,
  )
  if (intervalMs === undefined) return u
  return withExtraDowntime(u, thinBucketDowntime(buckets, bucketMs, intervalMs, onlineMs, window, lastBeat))
}

/**
 * Downtime hidden inside buckets that do have beats. A bucket of `bucketMs` expects one beat per
 * `intervalMs`; one with fewer lost at least `bucketMs - beats * intervalMs` to silence, and that counts as
 * down when it is longer than `onlineMs` (so the jitter of an odd late beat never does). Only buckets wholly
 * inside the window and wholly before `lastBeat` count: the silence after the last beat is already the
 * ongoing outage that `findOutages` reports. Add the result to `uptimeOf`'s `downMs`.
 */
export function thinBucketDowntime(
  buckets: readonly { start: number | null; beats: number }[],
  bucketMs: number,
  intervalMs: number,
  onlineMs: number,
  window: TimeWindow,
  lastBeat: number | null,
): number {
  if (!(intervalMs > 0)) return 0
  let down = 0
  for (const b of buckets) {
    if (b.start === null || !(b.beats > 0)) continue
    const end = b.start + bucketMs
    if (b.start < window.start || end > window.end || (lastBeat !== null && end > lastBeat)) continue
    const missing = bucketMs - b.beats * intervalMs
    if (missing > onlineMs) down += missing
  }
  return down
}

/** `u` with `extraMs` more downtime (capped at the window). */
export function withExtraDowntime(u: Uptime, extraMs: number): Uptime {
  if (extraMs <= 0) return u
  const downMs = Math.min(u.windowMs, u.downMs + extraMs)
  return {
    ...u,
    downMs,
    upMs: u.windowMs - downMs,
    ratio: u.windowMs > 0 ? (u.windowMs - downMs) / u.windowMs : null,
  }
}

/** Total length of `windows` inside `within` (windows may overlap; each instant counts once). */
function coveredMs(windows: readonly TimeWindow[], within: TimeWindow): number {
  const parts = windows
    .map((w) => ({ start: Math.max(w.start, within.start), end: Math.min(w.end, within.end) }))
    .filter((w) => w.end > w.start)
    .sort((a, b) => a.start - b.start)
  let total = 0
  let reach = -Infinity
  for (const p of parts) {
    const from = Math.max(p.start, reach)
    if (p.end > from) total += p.end - from
    reach = Math.max(reach, p.end)
  }
  return total
}

/**
 * Uptime with maintenance windows left out: time under maintenance is neither up nor down, so it leaves the
 * window, and the downtime inside it stops counting (a planned stop is not an outage). The outages are kept
 * as found, for the list.
 */
export function excludingMaintenance(
  u: Uptime,
  window: TimeWindow,
  maintenance: readonly TimeWindow[],
): Uptime {
  if (maintenance.length === 0) return u
  const excluded = coveredMs(maintenance, window)
  if (excluded === 0) return u
  let downInMaintenance = 0
  for (const o of u.outages) {
    const part = { start: Math.max(o.start, window.start), end: Math.min(o.end ?? window.end, window.end) }
    if (part.end > part.start) {
      const clipped = maintenance.map((m) => ({
        start: Math.max(m.start, part.start),
        end: Math.min(m.end, part.end),
      }))
      downInMaintenance += coveredMs(clipped, part)
    }
  }
  const windowMs = u.windowMs - excluded
  const downMs = Math.max(0, Math.min(windowMs, u.downMs - downInMaintenance))
  return {
    ...u,
    windowMs,
    downMs,
    upMs: windowMs - downMs,
    ratio: windowMs > 0 ? (windowMs - downMs) / windowMs : null,
  }
}
