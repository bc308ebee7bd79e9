import { queryOptions, useQuery } from '@tanstack/react-query'
import { useConfig } from '@/lib/config/config-context.tsx'
import { HttpError } from '@/lib/http/fetch-json.ts'
import { RegistryMetricsSchema, type RegistryMetrics } from '../model/schemas.ts'
import { pollInterval } from './get-fleet.ts'
import { registryKeys } from './query-keys.ts'
import type { Registry } from './registry-http.ts'
import { useRegistry } from './use-registry.ts'

/** The registry's `/metrics` (JSON, not Prometheus text). Its node counts come from the status column. */
export async function getRegistryMetrics(registry: Registry, signal?: AbortSignal): Promise<RegistryMetrics> {
  const body = await registry.get('/metrics', undefined, signal)
  const parsed = RegistryMetricsSchema.safeParse(body)
  if (!parsed.success) throw new HttpError('parse', 'The registry sent its metrics in an unexpected shape')
  return parsed.data
}

export function registryMetricsQueryOptions(registry: Registry, intervalMs: number) {
  return queryOptions({
    queryKey: registryKeys.metrics(registry),
    queryFn: ({ signal }) => getRegistryMetrics(registry, signal),
    refetchInterval: (query) => pollInterval(query.state, intervalMs),
    refetchIntervalInBackground: false,
    staleTime: intervalMs / 2,
  })
}

/** The registry's own metrics, polled at the heartbeat interval (paused while the tab is hidden). */
export function useRegistryMetrics() {
  const registry = useRegistry()
  const { heartbeatIntervalSeconds } = useConfig()
  return useQuery(registryMetricsQueryOptions(registry, heartbeatIntervalSeconds * 1000))
}
