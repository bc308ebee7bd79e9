import { useCallback } from 'react'
import type { NodeEntry } from '../model/schemas.ts'
import { useFleet, type FleetSnapshot } from './get-fleet.ts'
import { registryCanRoute, useNode, type NodeLookup } from './get-node.ts'
import { entryKey } from './node-entry.ts'
import { useRegistryReadAt } from './use-registry-reach.ts'

export interface NodeEntryState {
  /** The node as last read; undefined while nothing is known yet. */
  entry: NodeLookup | undefined
  pending: boolean
  /** The read failed and nothing is known (no fleet, no lookup). */
  error: Error | null
  /** While the registry cannot be read: the start of the last good read (see `registryReadAt`). */
  readAt: number | null
  /** When the data shown was read (ms), for "as of". */
  readTime: number
  /** The registry's per-node routes cannot take this id (`registryCanRoute`). */
  routable: boolean
  retry: () => void
}

/**
 * One node as the fleet poll holds it: the node page and the share action read liveness at the overview's
 * rhythm from the data every view shares (a healthy node is never shown stale between two reads of its
 * own). Only a node the fleet does not list is looked up by id, once; an id the registry cannot route is
 * never asked for.
 */
export function useNodeEntry(nodeId: string): NodeEntryState {
  const pick = useCallback(
    (s: FleetSnapshot): NodeEntry | null => s.entries.find((e) => entryKey(e) === nodeId) ?? null,
    [nodeId],
  )
  const fleet = useFleet(pick)
  const routable = registryCanRoute(nodeId)
  const fleetSettled = fleet.data !== undefined || fleet.isError
  const lookup = useNode(nodeId, { enabled: routable && fleetSettled && !fleet.data })
  const readAt = useRegistryReadAt()
  const fromFleet = fleet.data ?? null
  let entry: NodeLookup | undefined = fromFleet ?? lookup.data
  if (!entry && fleetSettled && fleet.data === null && !routable) entry = { kind: 'not-found', nodeId }
  const { refetch: refetchFleet } = fleet
  const { refetch: refetchLookup } = lookup
  const retry = useCallback(() => {
    void refetchFleet()
    if (routable) void refetchLookup()
  }, [refetchFleet, refetchLookup, routable])
  return {
    entry,
    pending: entry === undefined && (fleet.isPending || lookup.isFetching || lookup.isPending),
    error: entry === undefined ? (lookup.error ?? fleet.error) : null,
    readAt,
    readTime: fromFleet ? fleet.dataUpdatedAt : lookup.dataUpdatedAt,
    routable,
    retry,
  }
}
