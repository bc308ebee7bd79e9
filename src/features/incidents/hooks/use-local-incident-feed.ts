import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { fleetObservation } from '@/entities/incident/model/fleet-observation.ts'
import { DEFAULT_RULES, type IncidentRules } from '@/entities/incident/model/incident.ts'
import { fleetPollMs, fleetQueryOptions } from '@/entities/node/api/get-fleet.ts'
import { useRegistry } from '@/entities/node/api/use-registry.ts'
import { fleetReadAt } from '@/entities/node/api/use-registry-reach.ts'
import { useThresholds } from '@/entities/node/model/use-thresholds.ts'
import type { RegistryNode } from '@/entities/node/model/schemas.ts'
import { useConfig } from '@/lib/config/config-context.tsx'
import { useLocalIncidentsStore } from '../model/local-incidents-store.ts'

/**
 * Feeds every fleet poll (or the registry's outage) to the tab's incident model, when no bot does it on the
 * server. Mount once per tab. It only listens: the views that show the fleet poll it (and the Incidents view
 * without a bot), so this adds no poll of its own, out of step with theirs.
 */
export function useLocalIncidentFeed(): void {
  const thresholds = useThresholds()
  const rules: IncidentRules = useMemo(() => ({ ...DEFAULT_RULES, thresholds }), [thresholds])
  const registry = useRegistry()
  const config = useConfig()
  const q = useQuery({ ...fleetQueryOptions(registry, fleetPollMs(config)), enabled: false })
  const readAt = fleetReadAt(q)
  const data = q.data
  const observed = useLocalIncidentsStore((s) => s.fleetObserved)
  useEffect(() => {
    if (readAt !== null) {
      observed({ kind: 'registry-down', at: Date.now(), reason: 'the registry does not answer' }, rules)
      return
    }
    if (!data) return
    const rows: RegistryNode[] = data.entries.flatMap((e) => (e.kind === 'ok' ? [e.node] : []))
    observed(fleetObservation(rows, data.fetchedAt), rules)
  }, [data, readAt, rules, observed])
}
