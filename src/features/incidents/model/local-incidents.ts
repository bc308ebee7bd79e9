import { observeFleet } from '@/entities/incident/model/incident-machine.ts'
import { initialIncidentState, type IncidentModelState } from '@/entities/incident/model/incident-step.ts'
import type {
  FleetObservation,
  Incident,
  IncidentRules,
  Maintenance,
} from '@/entities/incident/model/incident.ts'
import { timelineOf } from './incident-timeline.ts'
import type { IncidentView } from './room-incidents.ts'

/** How many resolved incidents the console remembers when it derives them itself. */
export const LOCAL_RESOLVED_LIMIT = 20
/** Versions kept per incident for its timeline: the first, and the latest ones (a flapping node changes often). */
const VERSIONS_LIMIT = 50

/**
 * Incidents the console derives itself, without a bot, with the bot's own model: the model's state (it
 * remembers flips and when each incident opened, which one poll cannot tell) and the versions each incident
 * went through, for its timeline. Lives as long as the tab.
 */
export interface LocalIncidents {
  model: IncidentModelState
  versions: Record<string, { at: number; incident: Incident }[]>
}

export const emptyLocalIncidents = (): LocalIncidents => ({ model: initialIncidentState(), versions: {} })

export function observeLocally(
  before: LocalIncidents,
  obs: FleetObservation,
  rules: IncidentRules,
  maintenance: ReadonlyMap<string, Maintenance> = new Map(),
): LocalIncidents {
  const { state, effects } = observeFleet(before.model, obs, maintenance, rules)
  const versions = { ...before.versions }
  for (const e of effects) {
    const list = [...(versions[e.incident.id] ?? []), { at: obs.at, incident: e.incident }]
    versions[e.incident.id] =
      list.length > VERSIONS_LIMIT
        ? [list[0], ...list.slice(-(VERSIONS_LIMIT - 1))].filter((v) => v !== undefined)
        : list
  }
  // The model forgets a resolved incident after a flap window; the view keeps the latest few.
  const ids = Object.keys(versions)
    .map((id) => ({ id, last: versions[id]?.at(-1) }))
    .filter((v) => v.last && v.last.incident.state === 'resolved')
    .sort((a, b) => (b.last?.at ?? 0) - (a.last?.at ?? 0))
  for (const old of ids.slice(LOCAL_RESOLVED_LIMIT)) Reflect.deleteProperty(versions, old.id)
  return { model: state, versions }
}

/** The derived incidents as the view shows them (no message, nobody acknowledging: nobody is told). */
export function localViews(l: LocalIncidents): IncidentView[] {
  return Object.values(l.versions).flatMap((v) => {
    const latest = v.at(-1)
    return latest ? [{ eventId: null, incident: latest.incident, ackers: [], changes: timelineOf(v) }] : []
  })
}
