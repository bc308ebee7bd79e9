import { useQuery } from '@tanstack/react-query'
import { useConfig } from '@/lib/config/config-context.tsx'
import { fleetPollMs, fleetQueryOptions, type FleetSnapshot } from './get-fleet.ts'
import { useRegistry } from './use-registry.ts'

/** What of the fleet query tells whether the registry answers. */
export interface FleetReadState {
  /** The start of the last good read (`FleetSnapshot.startedAt`), undefined before one. */
  lastReadAt: number | undefined
  isError: boolean
  errorUpdatedAt: number
  dataUpdatedAt: number
  /** Failed attempts of the fetch in flight (React Query counts them while it retries). */
  failureCount: number
}

/**
 * While the console cannot read the registry: the start of the last good read (its data is at least that
 * fresh); null while reads succeed, or before the first one. The registry counts as unreachable from the
 * first failed attempt, not only once every retry has failed: what a node did since then cannot be seen.
 */
export function registryReadAt(q: FleetReadState): number | null {
  if (q.lastReadAt === undefined) return null
  const failing = (q.isError && q.errorUpdatedAt >= q.dataUpdatedAt) || q.failureCount > 0
  return failing ? q.lastReadAt : null
}

/** `registryReadAt` of a fleet query result (reads only the fields it needs, so no other change re-renders). */
export function fleetReadAt(q: {
  data: Pick<FleetSnapshot, 'startedAt'> | undefined
  isError: boolean
  errorUpdatedAt: number
  dataUpdatedAt: number
  failureCount: number
}): number | null {
  return registryReadAt({
    lastReadAt: q.data?.startedAt,
    isError: q.isError,
    errorUpdatedAt: q.errorUpdatedAt,
    dataUpdatedAt: q.dataUpdatedAt,
    failureCount: q.failureCount,
  })
}

const startedAtOf = (s: FleetSnapshot) => s.startedAt

/**
 * `registryReadAt` for the fleet query every view shares (no request of its own): views pass it to
 * `livenessAsKnown` / `deriveFleetRows`, so an outage of the registry reads as unknown, not as offline.
 */
export function useRegistryReadAt(): number | null {
  const registry = useRegistry()
  const config = useConfig()
  const q = useQuery({ ...fleetQueryOptions(registry, fleetPollMs(config)), select: startedAtOf })
  return registryReadAt({
    lastReadAt: q.data,
    isError: q.isError,
    errorUpdatedAt: q.errorUpdatedAt,
    dataUpdatedAt: q.dataUpdatedAt,
    failureCount: q.failureCount,
  })
}
