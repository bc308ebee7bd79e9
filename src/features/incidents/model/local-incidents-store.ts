import { create } from 'zustand'
import type { FleetObservation, IncidentRules } from '@/entities/incident/model/incident.ts'
import { emptyLocalIncidents, observeLocally, type LocalIncidents } from './local-incidents.ts'

/**
 * The tab's derived incidents when no bot is configured. Not a copy of server data: the model's memory
 * (flips, when each incident opened) exists only here, fed by one subscriber of the fleet query
 * (`useLocalIncidentFeed`), read by the views.
 */
interface LocalIncidentsState {
  local: LocalIncidents
  fleetObserved: (obs: FleetObservation, rules: IncidentRules) => void
  reset: () => void
}

export const useLocalIncidentsStore = create<LocalIncidentsState>((set) => ({
  local: emptyLocalIncidents(),
  fleetObserved: (obs, rules) => set((s) => ({ local: observeLocally(s.local, obs, rules) })),
  reset: () => set({ local: emptyLocalIncidents() }),
}))
