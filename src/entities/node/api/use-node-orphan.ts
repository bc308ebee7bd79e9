import { useMemo } from 'react'
import type { OrphanOf } from '../model/orphans.ts'
import { useFleetRows } from '../model/use-fleet-rows.ts'
import { useFleet } from './get-fleet.ts'
import { fleetReadAt } from './use-registry-reach.ts'

/**
 * Whether this id is an orphan (a silent duplicate of the one live node on its host), judged as the overview
 * judges it from the shared fleet poll; it stays so while the registry cannot be read (`deriveFleetRows`).
 */
export function useNodeOrphan(nodeId: string): OrphanOf | null {
  const fleet = useFleet()
  const { rows } = useFleetRows(fleet.data?.entries, fleetReadAt(fleet))
  return useMemo(() => rows?.find((r) => r.key === nodeId)?.orphan ?? null, [rows, nodeId])
}
