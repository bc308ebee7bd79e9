import { queryOptions, useQuery } from '@tanstack/react-query'
import { BucketSchema, BucketsRawSchema, type HeartbeatBucket } from '../model/schemas.ts'
import { getHistoryRoute, timedRows } from './history-route.ts'
import { nodeKeys } from './query-keys.ts'
import type { Registry } from './registry-http.ts'
import { useRegistry } from './use-registry.ts'

/** A history bucket whose start could be read (rows without one are dropped). */
export type TimedBucket = HeartbeatBucket & { start: number }

export interface BucketHistory {
  nodeId: string
  bucketSeconds: number
  /** Oldest first. An absent bucket is a silence: the node sent no beat in it. */
  buckets: TimedBucket[]
  dropped: number
}

/**
 * `GET /api/v1/nodes/{id}/heartbeats?since&until&bucket` (contract section 4): beats aggregated per bucket.
 * Resolves to null when the registry answers 404 (no history route on this deployment). A bad bucket is
 * dropped; a bad envelope fails the request.
 */
export async function getHeartbeatBuckets(
  registry: Registry,
  nodeId: string,
  range: { since: number; until: number; bucketSeconds: number },
  signal?: AbortSignal,
): Promise<BucketHistory | null> {
  const raw = await getHistoryRoute(registry, nodeId, range, { bucket: range.bucketSeconds }, signal)
  if (raw === null) return null
  const envelope = BucketsRawSchema.parse(raw)
  const { rows, dropped } = timedRows(envelope.buckets, BucketSchema, 'start')
  return { nodeId, bucketSeconds: envelope.bucket_seconds, buckets: rows, dropped }
}

export function heartbeatBucketsQueryOptions(
  registry: Registry,
  nodeId: string,
  range: { since: number; until: number; bucketSeconds: number },
  refetchMs: number,
) {
  return queryOptions({
    queryKey: nodeKeys.buckets(registry, nodeId, range),
    queryFn: ({ signal }) => getHeartbeatBuckets(registry, nodeId, range, signal),
    refetchInterval: refetchMs,
    refetchIntervalInBackground: false,
    staleTime: refetchMs,
    // A new window every step: keep drawing this node's previous one until it arrives.
    placeholderData: (previous) => (previous?.nodeId === nodeId ? previous : undefined),
  })
}

/**
 * A node's heartbeats per bucket in `[since, until]`, oldest first; `data === null` means the registry has
 * no history route (404). Refetches every `refetchMs` while the tab is visible.
 */
export function useHeartbeatBuckets(
  nodeId: string,
  range: { since: number; until: number; bucketSeconds: number },
  refetchMs = 60_000,
) {
  const registry = useRegistry()
  return useQuery(heartbeatBucketsQueryOptions(registry, nodeId, range, refetchMs))
}
