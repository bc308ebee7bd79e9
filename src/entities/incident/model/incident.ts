import { DEFAULT_THRESHOLDS, type LivenessThresholds } from '../../node/model/liveness.ts'

/**
 * The incident model's vocabulary, shared by the server's bot and the console. Pure data: no React, no DOM,
 * no Node built-ins, so both sides import it as it is.
 */

/** One failure, as the team is told about it: a group of nodes, a hub and its spokes, or the registry itself. */
export type IncidentKind = 'nodes' | 'hub' | 'registry'

/** `flapping`: a node of it flipped up and down `flapFlips` times within `flapWindowMs`. */
export type IncidentState = 'open' | 'flapping' | 'resolved'

export type EscalationReason = 'unacknowledged' | 'acknowledger-offline'

export interface Escalation {
  reason: EscalationReason
  at: number
  /** For `acknowledger-offline`: who went offline. */
  userId: string | null
}

export interface Incident {
  /** Stable for the incident's life; also its key in the room's machine-readable block. */
  id: string
  kind: IncidentKind
  state: IncidentState
  /** For `hub`: the hub whose spokes are unreachable through it. */
  hub: string | null
  /** The nodes that went down themselves (for `hub`, the hub first). Kept when they recover: the record. */
  nodes: string[]
  /** Spokes that went down while their hub was down: unreachable through it. */
  through: string[]
  /** Of `nodes` and `through`, those down now. */
  down: string[]
  flapping: string[]
  /** For `registry`: how many nodes the registry's outage leaves unknown. */
  unknownCount: number
  /** For `registry`: why it could not be read. */
  reason: string | null
  /** When the first of its nodes went down (by the liveness model, not by when it was noticed). */
  since: number
  /** When the model opened it: the clock for the acknowledgement timeout. */
  openedAt: number
  /** When the latest of its nodes went down: the 60-second grouping window is counted from here. */
  lastDownAt: number
  resolvedAt: number | null
  ack: { userId: string; at: number } | null
  escalations: Escalation[]
}

export interface IncidentRules {
  thresholds: LivenessThresholds
  /** Nodes that go down within this long of each other are one incident. */
  groupWindowMs: number
  flapWindowMs: number
  /** Flips (up→down or down→up) within `flapWindowMs` that make a node flapping. */
  flapFlips: number
  /** Escalate when nobody acknowledged an open incident for this long. */
  ackTimeoutMs: number
  /** Escalate when the acknowledger has been offline this long while the incident is still open. */
  ackerOfflineMs: number
}

export const DEFAULT_RULES: IncidentRules = {
  thresholds: DEFAULT_THRESHOLDS,
  groupWindowMs: 60_000,
  flapWindowMs: 10 * 60_000,
  flapFlips: 3,
  ackTimeoutMs: 10 * 60_000,
  ackerOfflineMs: 2 * 60_000,
}

export type Presence = 'online' | 'unavailable' | 'offline'

/** A node under maintenance (a room state event): no incident for it until `until`. */
export interface Maintenance {
  until: number
  reason: string
  setBy: string | null
}

/** One poll of the fleet: the registry answered with these nodes, or it could not be read. */
export type FleetObservation =
  | { kind: 'fleet'; at: number; nodes: readonly ObservedNode[] }
  | { kind: 'registry-down'; at: number; reason: string }

export interface ObservedNode {
  id: string
  lastHeartbeat: number | null
  /** The hubs the node reaches the fleet through (hub-services `spokeMap`). */
  hubs: readonly string[]
}

export const isOpen = (i: Incident) => i.state !== 'resolved'

/** Every node an incident names, its own first. */
export const incidentNodes = (i: Incident) => [...i.nodes, ...i.through]
