import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { useFleet } from '@/entities/node/api/get-fleet.ts'
import { nodeProfileQueryOptions, type ProfileResult } from '@/entities/node/api/get-node-profile.ts'
import { nodeKeys } from '@/entities/node/api/query-keys.ts'
import { useRegistry } from '@/entities/node/api/use-registry.ts'
import { applyFleetFilters, isFiltering, parseFleetFilters } from '@/entities/node/model/fleet-filters.ts'
import { useLivenessEpoch } from '@/entities/node/model/use-liveness-epoch.ts'
import { livenessAsKnown, thresholdsFromConfig, type Liveness } from '@/entities/node/model/liveness.ts'
import { fleetReadAt } from '@/entities/node/api/use-registry-reach.ts'
import type { NodeEntry, NodeProfile } from '@/entities/node/model/schemas.ts'
import { useConfig } from '@/lib/config/config-context.tsx'
import type { TopologyNodeView } from '../components/node-card.tsx'
import {
  deriveTopology,
  selectProfileCandidates,
  type Topology,
  type TopologyRowInput,
} from './derive-edges.ts'

interface Row {
  entry: NodeEntry
  liveness: Liveness | 'invalid'
}

/** At most this many profiles are fetched for the topology (likely hubs); never one per node. */
export const PROFILE_FETCH_LIMIT = 4

/**
 * Every profile in the query cache: the few hub candidates this view asked for, and any the node page
 * fetched before. Reading the cache costs no request.
 */
function cachedProfiles(client: ReturnType<typeof useQueryClient>): Map<string, NodeProfile> {
  const out = new Map<string, NodeProfile>()
  for (const [key, data] of client.getQueriesData<ProfileResult>({
    queryKey: [...nodeKeys.all, 'profile'],
  })) {
    const id = key[2]
    if (data?.kind === 'ok' && typeof id === 'string') out.set(id, data.profile)
  }
  return out
}

/**
 * Everything the topology draws, from the one polled fleet query: rows with liveness (re-derived only when
 * some node crosses a threshold, not on every tick), the overview's filters from the URL, and the graph.
 */
export function useTopologyData() {
  const fleet = useFleet()
  const config = useConfig()
  const client = useQueryClient()
  const thresholds = useMemo(() => thresholdsFromConfig(config), [config])
  const [params] = useSearchParams()
  const search = params.toString()
  const filters = useMemo(() => parseFleetFilters(new URLSearchParams(search)), [search])

  const entries = fleet.data?.entries
  const epoch = useLivenessEpoch(entries, thresholds)
  const readAt = fleetReadAt(fleet)

  const rows = useMemo<Row[] | null>(() => {
    if (!entries) return null
    return entries.map((entry) => ({
      entry,
      liveness:
        entry.kind === 'ok'
          ? livenessAsKnown(entry.node.last_heartbeat, epoch, thresholds, readAt)
          : 'invalid',
    }))
  }, [entries, epoch, thresholds, readAt])

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
  const profiles = useQueries({
    queries: candidates.map((id) => ({ ...nodeProfileQueryOptions(registry, id), retry: false })),
  })
  const profilesVersion = profiles.map((p) => p.dataUpdatedAt).join(',')

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
      })
    }
    const topology: Topology = deriveTopology(inputs, cachedProfiles(client))
    return { nodes, topology, invalid, total: rows.length }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `profilesVersion` versions the cache read inside
  }, [visible, rows, client, profilesVersion])

  return { fleet, thresholds, result }
}
