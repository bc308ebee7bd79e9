import { queryOptions, useQuery } from '@tanstack/react-query'
import { HttpError } from '@/lib/http/fetch-json.ts'
import { ProfileSchema, type NodeProfile } from '../model/schemas.ts'
import { nodeKeys } from './query-keys.ts'
import type { Registry } from './registry-http.ts'
import { useRegistry } from './use-registry.ts'

/** Why a node has no profile to show: the server failed (some deployments always do), no such node, or junk. */
export type ProfileUnavailableReason = 'server-error' | 'not-found' | 'invalid'

export type ProfileResult =
  | { kind: 'ok'; profile: NodeProfile }
  | {
      kind: 'unavailable'
      reason: ProfileUnavailableReason
      status?: number
      /** The server's text, short. It can hold raw SQL: show it as text only, if at all. */
      detail?: string
    }

/**
 * A node's profile (roles, GPU, modules, version, VPN address). A 4xx/5xx answer or an unreadable body
 * resolves to `unavailable`: the page shows the node without profile and says why. Network failures and
 * timeouts still throw, so they are retried like any request.
 */
export async function getNodeProfile(
  registry: Registry,
  nodeId: string,
  signal?: AbortSignal,
): Promise<ProfileResult> {
  let body: unknown
  try {
    body = await registry.get(`/api/v1/nodes/${encodeURIComponent(nodeId)}/profile`, undefined, signal)
  } catch (e) {
    if (e instanceof HttpError && e.kind === 'http' && e.status !== undefined) {
      const reason: ProfileUnavailableReason = e.status === 404 ? 'not-found' : 'server-error'
      return {
        kind: 'unavailable',
        reason,
        status: e.status,
        ...(e.detail ? { detail: e.detail.slice(0, 200) } : {}),
      }
    }
    if (e instanceof HttpError && e.kind === 'parse') return { kind: 'unavailable', reason: 'invalid' }
    throw e
  }
  const parsed = ProfileSchema.safeParse(body)
  if (!parsed.success) return { kind: 'unavailable', reason: 'invalid' }
  return { kind: 'ok', profile: parsed.data }
}

export function nodeProfileQueryOptions(registry: Registry, nodeId: string) {
  return queryOptions({
    queryKey: nodeKeys.profile(registry, nodeId),
    queryFn: ({ signal }) => getNodeProfile(registry, nodeId, signal),
    // A profile changes on deploys, not per beat.
    staleTime: 5 * 60_000,
  })
}

/** A node's profile, or why it is unavailable (`{kind: 'unavailable', reason}`), never an error for a 500. */
export function useNodeProfile(nodeId: string) {
  const registry = useRegistry()
  return useQuery(nodeProfileQueryOptions(registry, nodeId))
}
