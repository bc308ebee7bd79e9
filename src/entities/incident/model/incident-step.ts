import type { Escalation, Incident, IncidentRules, Presence } from './incident.ts'

/**
 * The model's state and what a step of it tells the outside world. The state is plain data (the bot keeps
 * it in memory and rebuilds it from the room; the console derives it anew), and every step is a pure
 * function of the state before, one input and the time.
 */

export interface NodeTrack {
  /** Last known class: up (online) or down (offline); stale and unknown keep the class before. */
  up: boolean | null
  /** When the class flipped, within the flap window. */
  flips: number[]
}

export interface IncidentModelState {
  /** Open incidents, and resolved ones for one flap window (a node that drops again reopens its incident). */
  incidents: Incident[]
  tracks: Record<string, NodeTrack>
  presence: Record<string, { presence: Presence; since: number }>
  /** When the registry answered again after an outage: beats it could not take then do not count against nodes. */
  registryBackAt: number | null
}

export type IncidentEffect =
  | { kind: 'opened'; incident: Incident }
  | { kind: 'changed'; incident: Incident }
  | { kind: 'escalated'; incident: Incident; escalation: Escalation }

export interface IncidentStep {
  state: IncidentModelState
  effects: IncidentEffect[]
}

export function initialIncidentState(): IncidentModelState {
  return { incidents: [], tracks: {}, presence: {}, registryBackAt: null }
}

/**
 * Runs `mutate` on a copy of `before`, then the escalation check, and reports what changed: an incident not
 * there before is opened, one whose record differs is changed, and each new escalation is its own effect.
 */
export function step(
  before: IncidentModelState,
  now: number,
  rules: IncidentRules,
  mutate: (s: IncidentModelState) => void,
): IncidentStep {
  const state = structuredClone(before)
  mutate(state)
  escalate(state, now, rules)
  const old = new Map(before.incidents.map((i) => [i.id, i]))
  const effects: IncidentEffect[] = []
  for (const incident of state.incidents) {
    const prev = old.get(incident.id)
    if (!prev) effects.push({ kind: 'opened', incident })
    else if (JSON.stringify(prev) !== JSON.stringify(incident)) effects.push({ kind: 'changed', incident })
    for (const e of incident.escalations.slice(prev?.escalations.length ?? 0)) {
      effects.push({ kind: 'escalated', incident, escalation: e })
    }
  }
  // Resolved incidents are kept one flap window, so a node that drops again reopens its own message.
  state.incidents = state.incidents.filter(
    (i) => i.resolvedAt === null || now - i.resolvedAt <= rules.flapWindowMs,
  )
  return { state, effects }
}

function escalate(state: IncidentModelState, now: number, rules: IncidentRules) {
  for (const i of state.incidents) {
    if (i.state === 'resolved') continue
    const has = (reason: Escalation['reason'], userId: string | null) =>
      i.escalations.some((e) => e.reason === reason && e.userId === userId)
    if (!i.ack) {
      if (now - i.openedAt >= rules.ackTimeoutMs && !has('unacknowledged', null)) {
        i.escalations.push({ reason: 'unacknowledged', at: now, userId: null })
      }
      continue
    }
    const p = state.presence[i.ack.userId]
    if (
      p?.presence === 'offline' &&
      now - Math.max(p.since, i.ack.at) >= rules.ackerOfflineMs &&
      !has('acknowledger-offline', i.ack.userId)
    ) {
      i.escalations.push({ reason: 'acknowledger-offline', at: now, userId: i.ack.userId })
    }
  }
}
