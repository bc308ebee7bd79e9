/**
 * The one factory for registry query keys (hierarchical, so `['nodes']` invalidates everything about nodes).
 * Never retype a key literal elsewhere.
 */
export const nodeKeys = {
  all: ['nodes'] as const,
  fleet: () => [...nodeKeys.all, 'fleet'] as const,
  detail: (nodeId: string) => [...nodeKeys.all, 'detail', nodeId] as const,
  profile: (nodeId: string) => [...nodeKeys.all, 'profile', nodeId] as const,
  /** Every raw-history window of one node (a pushed beat is appended to each). */
  heartbeatsOf: (nodeId: string) => [...nodeKeys.all, 'heartbeats', nodeId] as const,
  heartbeats: (nodeId: string, range: { since: number; until: number }) =>
    [...nodeKeys.heartbeatsOf(nodeId), range] as const,
  buckets: (nodeId: string, range: { since: number; until: number; bucketSeconds: number }) =>
    [...nodeKeys.all, 'buckets', nodeId, range] as const,
}

export const registryKeys = {
  all: ['registry'] as const,
  health: () => [...registryKeys.all, 'health'] as const,
  metrics: () => [...registryKeys.all, 'metrics'] as const,
}
