import { useMemo } from 'react'
import { deriveFleetRows, type FleetRow } from './fleet.ts'
import type { LivenessThresholds } from './liveness.ts'
import type { NodeEntry } from './schemas.ts'
import { useLivenessEpoch } from './use-liveness-epoch.ts'
import { useThresholds } from './use-thresholds.ts'

/**
 * The fleet's rows with their derived liveness. They are derived again only when a poll brings new entries or
 * when some node crosses a liveness threshold (a liveness epoch), not on every tick of the shared 1 s clock:
 * at 10,000 nodes the filters, sort and counts then run a few times a minute, not sixty. So a row's `ageMs`
 * is its age at the epoch, not now: the views show the ticking age from `lastHeartbeat` and `useNow()`.
 */
export function useFleetRows(
  entries: readonly NodeEntry[] | undefined,
  /** While the registry cannot be read: the start of the last good read (`registryReadAt`). */
  readAt: number | null = null,
): {
  rows: FleetRow[] | null
  thresholds: LivenessThresholds
  /** The instant the rows were derived at (the last liveness change, or the poll). */
  epoch: number
} {
  const thresholds = useThresholds()
  const epoch = useLivenessEpoch(entries, thresholds)
  const rows = useMemo(
    () => (entries ? deriveFleetRows(entries, epoch, thresholds, readAt) : null),
    [entries, epoch, thresholds, readAt],
  )
  return { rows, thresholds, epoch }
}
