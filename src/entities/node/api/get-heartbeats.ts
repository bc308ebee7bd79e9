import { queryOptions, useQuery } from '@tanstack/react-query'
import { HeartbeatSchema, HeartbeatsRawSchema, type Heartbeat } from '../model/schemas.ts'
import { getHistoryRoute, timedRows } from './history-route.ts'
import { nodeKeys } from './query-keys.ts'
import type { Registry } from './registry-http.ts'
import { useRegistry } from './use-registry.ts'

/** A heartbeat from the history route whose timestamp could be read (rows without one are dropped). */
export type TimedHeartbeat = Heartbeat & { timestamp: number }

export interface HeartbeatHistory {
  nodeId: string
  /** Oldest first (the route answers newest first; the page draws left to right). */
  beats: TimedHeartbeat[]
  /** Rows the registry sent that could not be used. */
  dropped: number
}

/** The route's upper bound on `limit` (contract section 4). */
const MAX_LIMIT = 10_000

/**
 * `GET /api/v1/nodes/{id}/heartbeats?since&until&limit` (contract section 4, the history extension).
 * Resolves to null when the registry answers 404: the route is absent on this deployment, and the page
 * falls back to what it observed itself. A bad row is dropped; a bad envelope fails the request.
 */
export async function getHeartbeats(
  registry: Registry,
  nodeId: string,
  range: { since: number; until: number; limit?: number },
  signal?: AbortSignal,
): Promise<HeartbeatHistory | null> {
  const limit = Math.min(MAX_LIMIT, range.limit ?? 1000)
  const raw = await getHistoryRoute(registry, nodeId, range, { limit }, signal)
  if (raw === null) return null
  const { rows, dropped } = timedRows(HeartbeatsRawSchema.parse(raw).heartbeats, HeartbeatSchema, 'timestamp')
  return { nodeId, beats: rows, dropped }
}

export function heartbeatsQueryOptions(
  registry: Registry,
  nodeId: string,
  range: { since: number; until: number },
  refetchMs: number,
) {
  return queryOptions({
    queryKey: nodeKeys.heartbeats(registry, nodeId, range),
    queryFn: ({ signal }) => getHeartbeats(registry, nodeId, range, signal),
    refetchInterval: refetchMs,
    refetchIntervalInBackground: false,
    staleTime: refetchMs,
    // A new window every step: keep drawing this node's previous one until it arrives.
    placeholderData: (previous) => (previous?.nodeId === nodeId ? previous : undefined),
  })
}

/**
 * A node's raw heartbeats in `[since, until]`, oldest first; `data === null` means the registry has no
 * history route (404). Refetches every `refetchMs` while the tab is visible.
 */
export function useHeartbeats(nodeId: string, range: { since: number; until: number }, refetchMs = 30_000) {
  const registry = useRegistry()
  return useQuery(heartbeatsQueryOptions(registry, nodeId, range, refetchMs))
}
