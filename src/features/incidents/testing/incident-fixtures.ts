import { vi } from 'vitest'
import { incidentContent } from '@/entities/incident/model/incident-content.ts'
import type { Incident } from '@/entities/incident/model/incident.ts'
import type { RoomEvent } from '@/entities/incident/model/room-record.ts'
import type { IncidentActions } from '../model/incident-actions.ts'

export const BOT = '@bot:hs'
export const ME = '@alice:hs'
export const T0 = Date.UTC(2026, 11, 1, 1, 0)

export function createIncident(over: Partial<Incident> = {}): Incident {
  return {
    id: 'nodes-1-a',
    kind: 'nodes',
    state: 'open',
    hub: null,
    nodes: ['node-a'],
    through: [],
    down: ['node-a'],
    flapping: [],
    unknownCount: 0,
    reason: null,
    since: T0,
    openedAt: T0,
    lastDownAt: T0,
    resolvedAt: null,
    ack: null,
    escalations: [],
    ...over,
  }
}

let seq = 0
export function roomEvent(
  sender: string,
  at: number,
  content: Record<string, unknown>,
  type = 'm.room.message',
) {
  return { event_id: `$ev${++seq}`, type, sender, origin_server_ts: at, content } as RoomEvent
}
export const incidentPost = (i: Incident, at = i.openedAt) =>
  roomEvent(BOT, at, { ...incidentContent(i, 'en') })
export const ackReaction = (sender: string, of: RoomEvent, at: number) =>
  roomEvent(
    sender,
    at,
    { 'm.relates_to': { rel_type: 'm.annotation', event_id: of.event_id, key: '👀' } },
    'm.reaction',
  )

/** A stand-in for the room: every action resolves unless told otherwise. */
export function createActionsDouble(over: Partial<IncidentActions> = {}): IncidentActions {
  return {
    me: ME,
    acknowledge: vi.fn(() => Promise.resolve()),
    withdraw: vi.fn(() => Promise.resolve()),
    maintenanceBlocked: null,
    setMaintenance: vi.fn(() => Promise.resolve()),
    endMaintenance: vi.fn(() => Promise.resolve()),
    ...over,
  }
}
