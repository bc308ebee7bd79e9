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

/**
 * How often `/health` is read: every 30 s, or at the fleet's period if that is slower. Its status, version and
 * counts change slowly, and a registry that stops answering shows first in the fleet's poll, which the card
 * follows; the overview reads `/health` again as soon as the fleet recovers. Reading it with every fleet poll
 * cost a third more requests (24 a minute for 1,000 nodes against a budget of 20).
 */
export const HEALTH_POLL_MS = 30_000

export function healthPollMs(fleetIntervalMs: number): number {
  return Math.max(HEALTH_POLL_MS, fleetIntervalMs)
}

/** Polled every `intervalMs`, backing off the fleet's (capped) way while it fails. */
export function healthQueryOptions(registry: Registry, intervalMs: number) {
  return queryOptions({
    queryKey: registryKeys.health(registry),
    queryFn: ({ signal }) => getHealth(registry, signal),
    refetchInterval: (query) => pollInterval(query.state, intervalMs),
    refetchIntervalInBackground: false,
    staleTime: intervalMs / 2,
  })
}

/** The registry's health, polled every `healthPollMs` (paused while the tab is hidden). */
export function useHealth() {
  const registry = useRegistry()
  const config = useConfig()
  return useQuery(healthQueryOptions(registry, healthPollMs(fleetPollMs(config))))
}
