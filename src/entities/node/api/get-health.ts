import { queryOptions, useQuery } from '@tanstack/react-query'
import { useConfig } from '@/lib/config/config-context.tsx'
import { HttpError } from '@/lib/http/fetch-json.ts'
import { HealthSchema, type RegistryHealth } from '../model/schemas.ts'
import { fleetPollMs, pollInterval } from './get-fleet.ts'
import { registryKeys } from './query-keys.ts'
import type { Registry } from './registry-http.ts'
import { useRegistry } from './use-registry.ts'

/**
 * The registry's own health. Always HTTP 200 on the service; its `network_stats` count the status column, so
 * a node that fell silent still counts as online there (the console's counts are derived, not these).
 */
export async function getHealth(registry: Registry, signal?: AbortSignal): Promise<RegistryHealth> {
  const body = await registry.get('/health', undefined, signal)
  const parsed = HealthSchema.safeParse(body)
  if (!parsed.success) throw new HttpError('parse', 'The registry sent its health in an unexpected shape')
  return parsed.data
}

/** Polled with the fleet, at its period, backing off the same (capped) way while it fails. */
export function healthQueryOptions(registry: Registry, intervalMs: number) {
  return queryOptions({
    queryKey: registryKeys.health(registry),
    queryFn: ({ signal }) => getHealth(registry, signal),
    refetchInterval: (query) => pollInterval(query.state, intervalMs),
    refetchIntervalInBackground: false,
    staleTime: intervalMs / 2,
  })
}

/**
 * The registry's health, polled at the fleet's rhythm (paused while the tab is hidden): its word on itself
 * and its counts belong to the same moment as the fleet beside them.
 */
export function useHealth() {
  const registry = useRegistry()
  const config = useConfig()
  return useQuery(healthQueryOptions(registry, fleetPollMs(config)))
}
