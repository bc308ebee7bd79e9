/**
 * Outages from what the registry's history says a node did: when it was seen alive, and where it was silent.
 *
 * The registry never marks a node down, so "down" is derived the way liveness is: a node is up while its
 * last sign of life is at most `onlineMs` old. A silent period (no sign of life) longer than `onlineMs` is an
 * outage, all of it, from the last sign of life to the next one; a silence of exactly `onlineMs` is not.
 *
 * Signs of life are spans `[start, end]`: a heartbeat is the zero-length span `[ts, ts]`; a history bucket
 * that has beats is the span it covers (an absent bucket is silence). Both feed the same arithmetic, so raw
 * beats (short ranges) and buckets (long ranges) give comparable answers, at their own resolution.
 */

/** A stretch of time in which the node was seen alive (ms since epoch, `start <= end`). */
export interface AliveSpan {
  start: number
  end: number
}

/** A window `[start, end]` to look at; `end` is "now" for the ongoing tail. */
export interface TimeWindow {
  start: number
  end: number
}

export interface Outage {
  /** When the silence began: the last sign of life, or the window start when none came before it. */
  start: number
  /** When the node was next seen alive; null while the outage is ongoing (it reaches the window's end). */
  end: number | null
  /** `(end ?? window end) - start`. An ongoing outage's duration grows with the window end (now). */
  durationMs: number
  /** True when nothing before the window is known: the silence may have begun earlier than `start`. */
  openStart: boolean
}

/** Heartbeat timestamps (any order, duplicates allowed) as zero-length alive spans, sorted. */
export function aliveSpansFromBeats(timestamps: readonly number[]): AliveSpan[] {
  const sorted = timestamps.filter((t) => Number.isFinite(t)).sort((a, b) => a - b)
  return sorted.map((t) => ({ start: t, end: t }))
}

/**
 * A beat this page saw in a poll of the registry, with `seenUntil`: the start of the last poll that still
 * showed it as the node's latest. For `seenUntil - ts` after the beat, the page watched the node stay quiet.
 */
export interface SeenBeat {
  ts: number
  seenUntil: number
}

/**
 * Whether the page watched the silence after a beat: a poll still showed it as the node's latest once it was
 * older than `onlineMs`, so the page itself saw the node stale. Without that, the gap to the next beat may be
 * nothing but the page not looking (a hidden tab does not poll; a poll in flight across a clock jump proves
 * nothing about the jump).
 */
export function watchedSilenceAfter(ts: number, seenUntil: number, onlineMs: number): boolean {
  return seenUntil - ts > onlineMs
}

/**
 * Observed beats (oldest first, as the page recorded them) as alive spans for `findOutages`. A gap between
 * two beats stays a silence only where the page watched it (`watchedSilenceAfter`), and then all of it does:
 * the page saw it begin, and the next beat it saw is when it ended. Every other gap is bridged by one span
 * from beat to beat: not known to be down. The last span ends at the last beat; what follows is the caller's.
 */
export function aliveSpansFromObserved(beats: readonly SeenBeat[], onlineMs: number): AliveSpan[] {
  const spans: AliveSpan[] = []
  let open: AliveSpan | null = null
  for (const b of beats) {
    if (!open) {
      open = { start: b.ts, end: b.ts }
      spans.push(open)
    }
    open.end = b.ts
    if (watchedSilenceAfter(b.ts, b.seenUntil, onlineMs)) open = null
  }
  return spans
}

/**
 * History buckets as alive spans: a bucket with at least one beat covers `[start, start + bucketMs]`;
 * an absent (or empty) bucket is a silence. No span reaches past `lastBeat` (the node's last heartbeat,
 * when known) or `now`, so a node that fell silent inside the newest bucket is not counted up to its end.
 */
export function aliveSpansFromBuckets(
  buckets: readonly { start: number | null; beats: number }[],
  bucketMs: number,
  opts: { now: number; lastBeat?: number | null },
): AliveSpan[] {
  const cap = Math.min(opts.now, opts.lastBeat ?? Infinity)
  const spans: AliveSpan[] = []
  for (const b of buckets) {
    if (b.start === null || !(b.beats > 0)) continue
    const start = b.start
    if (start > cap) {
      // A bucket newer than the last known beat still proves life at its start.
      spans.push({ start, end: start })
      continue
    }
    spans.push({ start, end: Math.max(start, Math.min(start + bucketMs, cap)) })
  }
  return spans.sort((a, b) => a.start - b.start)
}

/**
 * The outages inside `window`, oldest first. Spans may reach before the window: the last sign of life
 * before it tells when a silence crossing the window start began. A silence before the first sign of life
 * in the window counts from the window start (`openStart`), and the silence after the last one runs to the
 * window end and is ongoing. Both count once longer than `onlineMs`, like every other silence.
 */
export function findOutages(spans: readonly AliveSpan[], window: TimeWindow, onlineMs: number): Outage[] {
  const out: Outage[] = []
  if (window.end <= window.start) return out
  const sorted = isSorted(spans) ? spans : [...spans].sort((a, b) => a.start - b.start)
  // The last moment the node is known to have been alive; null: nothing known before this point.
  let aliveUntil: number | null = null
  for (const s of sorted) {
    if (s.start > window.end) break
    if (s.end < window.start) {
      aliveUntil = aliveUntil === null ? s.end : Math.max(aliveUntil, s.end)
      continue
    }
    const from = aliveUntil ?? window.start
    if (s.start - from > onlineMs) {
      out.push({ start: from, end: s.start, durationMs: s.start - from, openStart: aliveUntil === null })
    }
    aliveUntil = aliveUntil === null ? s.end : Math.max(aliveUntil, s.end)
  }
  const from = aliveUntil ?? window.start
  if (window.end - from > onlineMs) {
    out.push({ start: from, end: null, durationMs: window.end - from, openStart: aliveUntil === null })
  }
  return out
}

function isSorted(spans: readonly AliveSpan[]): boolean {
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1]
    const b = spans[i]
    if (a && b && b.start < a.start) return false
  }
  return true
}
