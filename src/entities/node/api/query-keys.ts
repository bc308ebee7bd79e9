import type { Registry } from './registry-http.ts'

type RegistryRef = Pick<Registry, 'baseUrl'>

/**
 * The one factory for registry query keys. Every key starts with the registry's base URL, so a query names
 * everything its function depends on and two registries never share a cache entry. Never retype a key
 * literal elsewhere.
 */
export const nodeKeys = {
  all: (registry: RegistryRef) => ['nodes', registry.baseUrl] as const,
  fleet: (registry: RegistryRef) => [...nodeKeys.all(registry), 'fleet'] as const,
  detail: (registry: RegistryRef, nodeId: string) => [...nodeKeys.all(registry), 'detail', nodeId] as const,
  profiles: (registry: RegistryRef) => [...nodeKeys.all(registry), 'profile'] as const,
  profile: (registry: RegistryRef, nodeId: string) => [...nodeKeys.profiles(registry), nodeId] as const,
  heartbeats: (registry: RegistryRef, nodeId: string, range: { since: number; until: number }) =>
    [...nodeKeys.all(registry), 'heartbeats', nodeId, range] as const,
  buckets: (
    registry: RegistryRef,
    nodeId: string,
    range: { since: number; until: number; bucketSeconds: number },
  ) => [...nodeKeys.all(registry), 'buckets', nodeId, range] as const,
}

/** Which `nodeKeys` entry a key is (`'fleet'`, `'detail'`, …), or undefined for any other key. */
export function nodeKeyKind(key: readonly unknown[]): string | undefined {
  return key[0] === 'nodes' && typeof key[2] === 'string' ? key[2] : undefined
}

/** The node id a `nodeKeys.profile` key names (undefined for any other key). */
export function profileKeyNodeId(key: readonly unknown[]): string | undefined {
  const id = key[3]
  return key[2] === 'profile' && typeof id === 'string' ? id : undefined
}

export const registryKeys = {
  all: (registry: RegistryRef) => ['registry', registry.baseUrl] as const,
  health: (registry: RegistryRef) => [...registryKeys.all(registry), 'health'] as const,
  metrics: (registry: RegistryRef) => [...registryKeys.all(registry), 'metrics'] as const,
}
