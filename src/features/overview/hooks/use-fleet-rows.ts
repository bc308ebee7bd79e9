import { useMemo } from 'react'
import { useLivenessEpoch } from '@/entities/node/model/use-liveness-epoch.ts'
import { thresholdsFromConfig, type LivenessThresholds } from '@/entities/node/model/liveness.ts'
import { deriveFleetRows, type FleetRow } from '@/entities/node/model/fleet.ts'
import type { NodeEntry } from '@/entities/node/model/schemas.ts'
import { useConfig } from '@/lib/config/config-context.tsx'

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
} {
  const config = useConfig()
  const thresholds = useMemo(() => thresholdsFromConfig(config), [config])
  const epoch = useLivenessEpoch(entries, thresholds)
  const rows = useMemo(
    () => (entries ? deriveFleetRows(entries, epoch, thresholds, readAt) : null),
    [entries, epoch, thresholds, readAt],
  )
  return { rows, thresholds }
}
