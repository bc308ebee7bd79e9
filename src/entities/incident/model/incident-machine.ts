import { livenessOf } from '../../node/model/liveness.ts'
import {
  incidentNodes,
  isOpen,
  type FleetObservation,
  type Incident,
  type IncidentRules,
  type Maintenance,
  type ObservedNode,
  type Presence,
} from './incident.ts'
import { step, type IncidentModelState, type IncidentStep } from './incident-step.ts'

/**
 * The incident model's inputs, each a pure step: a poll of the fleet, a 👀 reaction, a presence change, the
 * clock, and the incidents read back from the room on start. Grouping rules, in order:
 * - the registry unreachable is one incident naming how many nodes that leaves unknown, and no node incident;
 * - a node whose hub is down joins the hub's incident as unreachable through it;
 * - nodes that go down within `groupWindowMs` of each other share one incident;
 * - a node that comes back and drops again within a flap window reopens its incident (one message), and
 *   `flapFlips` flips within the window make it "flapping" until it has been steady for a window.
 */

export function observeFleet(
  before: IncidentModelState,
  obs: FleetObservation,
  maintenance: ReadonlyMap<string, Maintenance>,
  rules: IncidentRules,
): IncidentStep {
  return step(before, obs.at, rules, (s) => {
    if (obs.kind === 'registry-down') registryDown(s, obs.at, obs.reason)
    else fleetSeen(s, obs.at, obs.nodes, maintenance, rules)
  })
}

/** A 👀 on the incident's message: that person is on it. The latest to say so is the one shown. */
export function acknowledge(
  before: IncidentModelState,
  incidentId: string,
  userId: string,
  at: number,
  rules: IncidentRules,
): IncidentStep {
  return step(before, at, rules, (s) => {
    const i = s.incidents.find((x) => x.id === incidentId)
    if (i && isOpen(i) && i.ack?.userId !== userId) i.ack = { userId, at }
  })
}

export function presenceChanged(
  before: IncidentModelState,
  userId: string,
  presence: Presence,
  at: number,
  rules: IncidentRules,
): IncidentStep {
  return step(before, at, rules, (s) => {
    if (s.presence[userId]?.presence !== presence) s.presence[userId] = { presence, since: at }
  })
}

/** The clock alone: escalations fall due without any new data. */
export function tick(before: IncidentModelState, now: number, rules: IncidentRules): IncidentStep {
  return step(before, now, rules, () => undefined)
}

/** Incidents read back from the room on start: the room is the record, so they are known, not new. */
export function restoreIncidents(
  before: IncidentModelState,
  incidents: readonly Incident[],
): IncidentModelState {
  const s = structuredClone(before)
  const known = new Set(s.incidents.map((i) => i.id))
  for (const i of incidents) if (!known.has(i.id)) s.incidents.push(structuredClone(i))
  for (const i of s.incidents) {
    for (const id of i.down) s.tracks[id] ??= { up: false, flips: [] }
  }
  return s
}

function registryDown(s: IncidentModelState, at: number, reason: string) {
  s.registryBackAt = null
  const open = s.incidents.find((i) => i.kind === 'registry' && isOpen(i))
  if (open) {
    open.reason = reason
    return
  }
  s.incidents.push({
    ...blank(`registry-${at.toString(36)}`, 'registry', at),
    unknownCount: Object.keys(s.tracks).length,
    reason,
  })
}

function fleetSeen(
  s: IncidentModelState,
  now: number,
  nodes: readonly ObservedNode[],
  maintenance: ReadonlyMap<string, Maintenance>,
  rules: IncidentRules,
) {
  for (const i of s.incidents) {
    if (i.kind === 'registry' && isOpen(i)) {
      i.state = 'resolved'
      i.resolvedAt = now
      s.registryBackAt = now
    }
  }
  const t = rules.thresholds
  const downAt = new Map<string, number>()
  const seen = new Set<string>()
  for (const n of nodes) {
    seen.add(n.id)
    const track = (s.tracks[n.id] ??= { up: null, flips: [] })
    track.flips = track.flips.filter((f) => now - f < rules.flapWindowMs)
    const up = livenessOf(n.lastHeartbeat, now, t) === 'online'
    // Beats the registry could not take during its outage do not count against a node.
    const heard =
      n.lastHeartbeat === null ? null : Math.max(n.lastHeartbeat, s.registryBackAt ?? n.lastHeartbeat)
    const down = livenessOf(heard, now, t) === 'offline'
    const cls = up ? true : down ? false : track.up
    if (track.up !== null && cls !== track.up) track.flips.push(now)
    track.up = cls
    const m = maintenance.get(n.id)
    if (!down || heard === null || (m && m.until > now)) continue
    // A node still down when its maintenance ends went down, for the incident, at that end.
    downAt.set(n.id, Math.min(now, Math.max(heard + t.offlineMs, m ? m.until : 0)))
  }
  for (const id of Object.keys(s.tracks)) if (!seen.has(id)) Reflect.deleteProperty(s.tracks, id)

  const hubsOf = new Map(nodes.map((n) => [n.id, n.hubs]))
  const hubs = new Set(nodes.flatMap((n) => n.hubs))
  // Nodes none of whose hubs is down first, so a hub's incident exists before its spokes look for it.
  const order = [...downAt.keys()].sort((a, b) => {
    const ah = (hubsOf.get(a) ?? []).some((h) => downAt.has(h)) ? 1 : 0
    const bh = (hubsOf.get(b) ?? []).some((h) => downAt.has(h)) ? 1 : 0
    return ah - bh || (downAt.get(a) ?? 0) - (downAt.get(b) ?? 0) || (a < b ? -1 : 1)
  })
  for (const id of order) {
    const at = downAt.get(id) ?? now
    const downHubs = (hubsOf.get(id) ?? []).filter((h) => downAt.has(h))
    placeDownNode(s, { id, at, isHub: hubs.has(id), downHubs }, rules, now)
  }

  for (const i of s.incidents) {
    if (i.kind === 'registry' || i.state === 'resolved') continue
    i.down = i.down.filter((id) => downAt.has(id))
    i.flapping = incidentNodes(i).filter((id) => (s.tracks[id]?.flips.length ?? 0) >= rules.flapFlips)
    if (i.down.length === 0 && i.flapping.length === 0) {
      i.state = 'resolved'
      i.resolvedAt = now
    } else i.state = i.flapping.length > 0 ? 'flapping' : 'open'
  }
}

interface DownNode {
  id: string
  at: number
  isHub: boolean
  downHubs: readonly string[]
}

function placeDownNode(s: IncidentModelState, node: DownNode, rules: IncidentRules, now: number) {
  const { id, at, downHubs } = node
  const nodeIncidents = s.incidents.filter((i) => i.kind !== 'registry')
  // Already in an incident: still open, or resolved within a flap window (reopened, not a new message).
  const mine = nodeIncidents.find((i) => isOpen(i) && incidentNodes(i).includes(id))
  const recent = nodeIncidents.find(
    (i) =>
      !isOpen(i) &&
      i.resolvedAt !== null &&
      now - i.resolvedAt <= rules.flapWindowMs &&
      incidentNodes(i).includes(id),
  )
  const own = mine ?? recent
  if (own) {
    if (!own.down.includes(id)) own.down.push(id)
    if (!isOpen(own)) {
      own.state = 'open'
      own.resolvedAt = null
    }
    return
  }
  for (const hub of downHubs) {
    const hubIncident = nodeIncidents.find((i) => isOpen(i) && i.nodes.includes(hub))
    if (!hubIncident) continue
    hubIncident.kind = 'hub'
    hubIncident.hub ??= hub
    hubIncident.through.push(id)
    hubIncident.down.push(id)
    return
  }
  const near = nodeIncidents.find((i) => isOpen(i) && Math.abs(at - i.lastDownAt) <= rules.groupWindowMs)
  if (near) {
    near.nodes.push(id)
    near.down.push(id)
    near.lastDownAt = Math.max(near.lastDownAt, at)
    return
  }
  const kind = node.isHub ? 'hub' : 'nodes'
  s.incidents.push({
    ...blank(`${kind}-${at.toString(36)}-${id}`, kind, at, now),
    hub: node.isHub ? id : null,
    nodes: [id],
    down: [id],
  })
}

function blank(id: string, kind: Incident['kind'], since: number, openedAt = since): Incident {
  return {
    id,
    kind,
    state: 'open',
    hub: null,
    nodes: [],
    through: [],
    down: [],
    flapping: [],
    unknownCount: 0,
    reason: null,
    since,
    openedAt,
    lastDownAt: since,
    resolvedAt: null,
    ack: null,
    escalations: [],
  }
}
