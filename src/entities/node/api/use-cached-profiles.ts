import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useMemo, useSyncExternalStore } from 'react'
import type { NodeProfile } from '../model/schemas.ts'
import type { ProfileResult } from './get-node-profile.ts'
import { nodeKeys, profileKeyNodeId } from './query-keys.ts'
import type { Registry } from './registry-http.ts'

/** Reads the profiles in the cache as one map, rebuilt only when one of them has new data. */
function createProfileCacheReader(client: QueryClient, registry: Registry) {
  const filter = { queryKey: nodeKeys.profiles(registry) }
  let version = ''
  let profiles = new Map<string, NodeProfile>()
  return {
    subscribe: (onChange: () => void) => client.getQueryCache().subscribe(onChange),
    snapshot: (): ReadonlyMap<string, NodeProfile> => {
      const queries = client.getQueryCache().findAll(filter)
      const next = queries.map((q) => `${q.queryHash}@${q.state.dataUpdatedAt}`).join(',')
      if (next === version) return profiles
      version = next
      profiles = new Map()
      for (const q of queries) {
        const id = profileKeyNodeId(q.queryKey)
        const data = q.state.data as ProfileResult | undefined
        if (id !== undefined && data?.kind === 'ok') profiles.set(id, data.profile)
      }
      return profiles
    },
  }
}

/**
 * Every node profile already in the query cache (fetched by this view or by a node page before), by node id.
 * Costs no request; re-renders when a profile arrives.
 */
export function useCachedProfiles(registry: Registry): ReadonlyMap<string, NodeProfile> {
  const client = useQueryClient()
  const reader = useMemo(() => createProfileCacheReader(client, registry), [client, registry])
  return useSyncExternalStore(reader.subscribe, reader.snapshot)
}
