/** The history route's raw beats, newest first: the simulated ones, and the posted ones among them. */
import type { BeatTimeline } from './beat-timeline.ts'
import type { RawHeartbeatRow } from './factories.ts'
import type { HistoryQuery } from './fleet-simulator-api.ts'
import { formatRegistryTime } from './registry-time.ts'
import { DAY, beatTimeOf, metricsAt, slotOf, type SimNodeSpec } from './sim-node.ts'

/** Oldest history the simulator will compute, whatever `since` says. */
export const HISTORY_HORIZON_MS = 90 * DAY

function rowAt(spec: SimNodeSpec, bt: number): RawHeartbeatRow {
  return {
    timestamp: formatRegistryTime(bt, spec.timeStyle),
    status: spec.statusAt(bt),
    metrics: metricsAt(spec, bt) ?? {},
  }
}

export function heartbeatRows(
  spec: SimNodeSpec,
  q: HistoryQuery,
  beats: BeatTimeline,
  now: number,
): RawHeartbeatRow[] {
  const until = Math.min(q.until, now)
  const since = Math.max(q.since, until - HISTORY_HORIZON_MS)
  const rows: { ts: number; row: RawHeartbeatRow }[] = []
  let k = slotOf(spec, until)
  if (beatTimeOf(spec, k) > until) k -= 1
  while (rows.length < q.limit) {
    const bt = beatTimeOf(spec, k)
    if (bt < since) break
    const down = beats.downAt(spec, bt)
    if (down) {
      if (!Number.isFinite(down.from)) break
      k = Math.min(k - 1, slotOf(spec, down.from - 1))
      continue
    }
    rows.push({ ts: bt, row: rowAt(spec, bt) })
    k -= 1
  }
  const posted = beats.postedBetween(spec.nodeId, since, until)
  if (posted.length === 0) return rows.map((r) => r.row)
  const extra = posted.map((b) => ({
    ts: b.ts,
    row: { timestamp: formatRegistryTime(b.ts, 'naive'), status: b.status, metrics: b.metrics },
  }))
  return [...rows, ...extra]
    .sort((a, b) => b.ts - a.ts)
    .slice(0, q.limit)
    .map((r) => r.row)
}
