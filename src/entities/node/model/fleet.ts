import { livenessAsKnown, livenessOf, type Liveness, type LivenessThresholds } from './liveness.ts'
import { findOrphans, hostnameOf, type OrphanOf } from './orphans.ts'
import type { NodeEntry } from './schemas.ts'

/** A row's liveness: derived from the heartbeat's age, or `invalid` for a record the console could not read. */
export type RowLiveness = Liveness | 'invalid'

/** One node of the fleet as the views show it at a moment `now`. */
export interface FleetRow {
  /** The node id, or the stable key of an unreadable record. */
  key: string
  entry: NodeEntry
  liveness: RowLiveness
  /** `now - last_heartbeat` (0 for a heartbeat from the future); null without a heartbeat or for an invalid record. */
  ageMs: number | null
  lastHeartbeat: number | null
  hostname: string | null
  /** Set when this node is a silent duplicate of a live node on the same host. */
  orphan: OrphanOf | null
}

export interface FleetCounts {
  online: number
  stale: number
  offline: number
  unknown: number
  /** Not known while the registry cannot be read (see `livenessAsKnown`). */
  unreachable: number
  /** Records the console could not read (not in the four above). */
  invalid: number
  total: number
}

/**
 * Derives every row's liveness, heartbeat age and orphan flag at `now`. O(n): fine at 10,000 nodes per tick.
 * `readAt`: while the registry cannot be read, the start of the last good read (see `livenessAsKnown`).
 */
export function deriveFleetRows(
  entries: readonly NodeEntry[],
  now: number,
  thresholds: LivenessThresholds,
  readAt: number | null = null,
): FleetRow[] {
  const rows: FleetRow[] = entries.map((entry) => {
    if (entry.kind !== 'ok')
      return {
        key: entry.key,
        entry,
        liveness: 'invalid',
        ageMs: null,
        lastHeartbeat: null,
        hostname: null,
        orphan: null,
      }
    const lb = entry.node.last_heartbeat
    return {
      key: entry.node.node_id,
      entry,
      liveness: livenessAsKnown(lb, now, thresholds, readAt),
      ageMs: lb === null ? null : Math.max(0, now - lb),
      lastHeartbeat: lb,
      hostname: hostnameOf(entry),
      orphan: null,
    }
  })
  // While the registry cannot be read, who is alive is judged as of the last good read: the live node is
  // only unknown now, and its orphans stay flagged.
  const candidates =
    readAt === null
      ? rows
      : rows.map((r) =>
          r.liveness === 'invalid'
            ? r
            : { ...r, liveness: livenessOf(r.lastHeartbeat, Math.min(readAt, now), thresholds) },
        )
  for (const [i, orphan] of findOrphans(candidates)) {
    const row = rows[i]
    if (row) row.orphan = orphan
  }
  return rows
}

export function fleetCounts(rows: readonly { liveness: RowLiveness }[]): FleetCounts {
  const c: FleetCounts = {
    online: 0,
    stale: 0,
    offline: 0,
    unknown: 0,
    unreachable: 0,
    invalid: 0,
    total: rows.length,
  }
  for (const r of rows) c[r.liveness] += 1
  return c
}
