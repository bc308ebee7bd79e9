import type { LivenessThresholds } from './liveness.ts'

/**
 * Liveness is piecewise constant in time: a node's state flips only when its heartbeat's age crosses the
 * online or the offline threshold. Knowing those instants, a view can re-derive the fleet (counts, filters,
 * sort, orphans) only when some node really changes state, instead of on every 1 s tick, while ages keep
 * ticking in the few cells that show them.
 */

/** Every instant (ms) at which some node's liveness flips, ascending. Computed once per fetched snapshot. */
export function livenessBoundaries(lastHeartbeats: Iterable<number | null>, t: LivenessThresholds): number[] {
  const out: number[] = []
  for (const lb of lastHeartbeats) {
    if (lb === null) continue
    // livenessOf compares `age <= threshold`: the first millisecond past it is the flip.
    out.push(lb + t.onlineMs + 1, lb + t.offlineMs + 1)
  }
  return out.sort((a, b) => a - b)
}

/**
 * A representative instant with the same liveness for every node as `now`: the latest boundary passed, or
 * (before the first one) the instant just before it. It changes only when a boundary is crossed, so a memo keyed
 * on it re-runs exactly when some node changes state.
 */
export function livenessEpoch(boundaries: readonly number[], now: number): number {
  let lo = 0
  let hi = boundaries.length
  // The count of boundaries at or before `now` (binary search: O(log n) per tick at 10,000 nodes).
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((boundaries[mid] ?? Infinity) <= now) lo = mid + 1
    else hi = mid
  }
  if (lo > 0) return boundaries[lo - 1] ?? now
  const first = boundaries[0]
  return first === undefined ? 0 : first - 1
}
