import { useMemo } from 'react'
import { useNow } from '@/lib/time/now-store.ts'
import { livenessBoundaries, livenessEpoch } from './liveness-epoch.ts'
import type { LivenessThresholds } from './liveness.ts'
import type { NodeEntry } from './schemas.ts'

const heartbeatOf = (e: NodeEntry) => (e.kind === 'ok' ? e.node.last_heartbeat : null)

/**
 * The instant of the fleet's latest liveness change: it moves when a poll brings new entries or some node
 * crosses a threshold, not on every tick of the shared 1 s clock. Views derive rows, edges and events "as of"
 * this epoch, so at 10,000 nodes they recompute a few times a minute, not sixty.
 */
export function useLivenessEpoch(
  entries: readonly NodeEntry[] | undefined,
  thresholds: LivenessThresholds,
): number {
  const boundaries = useMemo(
    () => (entries ? livenessBoundaries(entries.map(heartbeatOf), thresholds) : []),
    [entries, thresholds],
  )
  return livenessEpoch(boundaries, useNow())
}
