import { queryOptions, useQuery } from '@tanstack/react-query'
import { HttpError } from '@/lib/http/fetch-json.ts'
import type { NodeEntry } from '../model/schemas.ts'
import { parseNodeEntry } from './node-entry.ts'
import { nodeKeys } from './query-keys.ts'
import type { Registry } from './registry-http.ts'
import { useRegistry } from './use-registry.ts'

/** One node: usable, unreadable (kept as text), or unknown to the registry (404). */
export type NodeLookup = NodeEntry | { kind: 'not-found'; nodeId: string }

export async function getNode(registry: Registry, nodeId: string, signal?: AbortSignal): Promise<NodeLookup> {
  try {
    const body = await registry.get(`/api/v1/nodes/${encodeURIComponent(nodeId)}`, undefined, signal)
    return parseNodeEntry(body)
  } catch (e) {
    if (e instanceof HttpError && e.kind === 'http' && e.status === 404) return { kind: 'not-found', nodeId }
    throw e
  }
}

export function nodeQueryOptions(registry: Registry, nodeId: string) {
  return queryOptions({
    queryKey: nodeKeys.detail(registry, nodeId),
    queryFn: ({ signal }) => getNode(registry, nodeId, signal),
  })
}

/**
 * One node from the registry (a usable answer also feeds the observed history, so a registry without a
 * history route still leaves the node page something to show). A node the registry does not know resolves
 * to `{kind: 'not-found'}` (not an error), so the page can say so. Pass `refetchInterval` to keep it fresh on an open node page.
 */
export function useNode(
  nodeId: string,
  options: { refetchInterval?: number | false; enabled?: boolean } = {},
) {
  const registry = useRegistry()
  return useQuery({
    ...nodeQueryOptions(registry, nodeId),
    refetchInterval: options.refetchInterval ?? false,
    enabled: options.enabled ?? true,
  })
}

/**
 * Whether the registry's per-node routes can reach this id. Its routes take the id as one path segment and
 * the server decodes `%2F` before routing, so an id with a `/` (or a bare `.`/`..`, which URLs normalise
 * away) is listed but can never be looked up, nor its profile or history.
 */
export function registryCanRoute(nodeId: string): boolean {
  return !nodeId.includes('/') && nodeId !== '.' && nodeId !== '..'
}
