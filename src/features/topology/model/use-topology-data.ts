import { useQueries } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useFleet } from '@/entities/node/api/get-fleet.ts'
import { nodeProfileQueryOptions } from '@/entities/node/api/get-node-profile.ts'
import { useCachedProfiles } from '@/entities/node/api/use-cached-profiles.ts'
import { useRegistry } from '@/entities/node/api/use-registry.ts'
import { applyFleetFilters, isFiltering } from '@/entities/node/model/fleet-filters.ts'
import { useFleetFilters } from '@/entities/node/model/use-fleet-filters.ts'
import { fleetReadAt } from '@/entities/node/api/use-registry-reach.ts'
import { useFleetRows } from '@/entities/node/model/use-fleet-rows.ts'
import type { TopologyNodeView } from '../components/node-card.tsx'
import {
  deriveTopology,
  selectProfileCandidates,
  type Topology,
  type TopologyRowInput,
} from './derive-edges.ts'

/** At most this many profiles are fetched for the topology (likely hubs); never one per node. */
export const PROFILE_FETCH_LIMIT = 4

/**
 * Everything the topology draws, from the one polled fleet query: rows with liveness (re-derived only when
 * some node crosses a threshold, not on every tick), the fleet filters (shared with the overview's toolbar), and the graph.
 */
export function useTopologyData() {
  const fleet = useFleet()
  // The same store as the toolbar: the map narrows with the search box, not when the address catches up.
  const filters = useFleetFilters()

  const entries = fleet.data?.entries
  const { rows, thresholds } = useFleetRows(entries, fleetReadAt(fleet))

  // The map orders nodes itself (by id, for a stable layout): without a filter, the list's sort is skipped.
  const visible = useMemo(
    () => (rows && isFiltering(filters) ? applyFleetFilters(rows, filters) : rows),
    [rows, filters],
  )

  // The bounded set of hub candidates whose profiles are fetched on purpose (see `deriveTopology`).
  const registry = useRegistry()
  const candidates = useMemo(
    () =>
      selectProfileCandidates(
        (entries ?? []).flatMap((e) =>
          e.kind === 'ok' ? [{ node: e.node, liveness: 'unknown' as const }] : [],
        ),
        PROFILE_FETCH_LIMIT,
      ),
    [entries],
  )
  useQueries({
    queries: candidates.map((id) => ({ ...nodeProfileQueryOptions(registry, id), retry: false })),
  })

  const profiles = useCachedProfiles(registry)

  const result = useMemo(() => {
    if (!visible || !rows) return null
    const inputs: TopologyRowInput[] = []
    const nodes: TopologyNodeView[] = []
    let invalid = 0
    for (const r of visible) {
      if (r.entry.kind !== 'ok' || r.liveness === 'invalid') {
        invalid += 1
        continue
      }
      const n = r.entry.node
      inputs.push({ node: n, liveness: r.liveness })
      nodes.push({
        id: n.node_id,
        name: n.node_name ?? n.node_id,
        role: n.node_role,
        type: n.node_type,
        liveness: r.liveness,
        lastHeartbeat: n.last_heartbeat,
        orphan: r.orphan,
      })
    }
    const topology: Topology = deriveTopology(inputs, profiles)
    return { nodes, topology, invalid, total: rows.length }
  }, [visible, rows, profiles])

  return { fleet, thresholds, result }
}
