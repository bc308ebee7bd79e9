import {
  fromBlock,
  INCIDENT_KEY,
  MAINTENANCE_EVENT_TYPE,
} from '@/entities/incident/model/incident-content.ts'
import { isOpen, type Incident, type Maintenance } from '@/entities/incident/model/incident.ts'
import {
  ackOf,
  maintenanceOf,
  readIncidents,
  RoomEventSchema,
  type RoomEvent,
} from '@/entities/incident/model/room-record.ts'
import { timelineOf, type IncidentChange } from './incident-timeline.ts'

/**
 * The console's view of the room's incidents: the bot's messages at their latest edit (the shared
 * `readIncidents`), who has reacted 👀 to each (the acknowledgement, seen before the bot's edit says so),
 * each incident's changes from its edits, and the nodes under maintenance.
 */
export interface IncidentView {
  /** The bot's message; null for an incident the console derived itself (no bot). */
  eventId: string | null
  incident: Incident
  /** Who is on it: 👀 reactions in the room, earliest first; the bot's own record when none is seen. */
  ackers: { userId: string; at: number; reactionId: string | null }[]
  changes: IncidentChange[]
}

/** A node's maintenance as the room states it, with when it was set (the window's start). */
export type MaintenanceWindow = Maintenance & { from: number }

export interface RoomIncidents {
  open: IncidentView[]
  /** Resolved ones, newest first. */
  resolved: IncidentView[]
  /** Nodes under maintenance now. */
  maintenance: ReadonlyMap<string, MaintenanceWindow>
}

/** Raw events (timeline and state, any order) → validated room events; an unreadable one is dropped. */
export function parseRoomEvents(raw: readonly unknown[]): RoomEvent[] {
  const out: RoomEvent[] = []
  for (const r of raw) {
    const p = RoomEventSchema.safeParse(r)
    if (p.success) out.push(p.data)
  }
  return out
}

export function roomIncidents(events: readonly RoomEvent[], botUserId: string, now: number): RoomIncidents {
  const recorded = readIncidents(events, botUserId)
  const acks = new Map<string, { userId: string; at: number; reactionId: string | null }[]>()
  const versions = new Map<string, { at: number; incident: Incident }[]>()
  const maintenance = new Map<string, MaintenanceWindow>()
  const byEvent = new Set([...recorded.values()].map((r) => r.eventId))
  for (const e of [...events].sort((a, b) => a.origin_server_ts - b.origin_server_ts)) {
    const ack = ackOf(e, botUserId)
    if (ack && byEvent.has(ack.eventId)) {
      const list = acks.get(ack.eventId) ?? []
      if (!list.some((a) => a.userId === ack.userId))
        list.push({ userId: ack.userId, at: ack.at, reactionId: e.event_id })
      acks.set(ack.eventId, list)
    }
    const m = maintenanceOf(e, MAINTENANCE_EVENT_TYPE)
    if (m) {
      if (m.maintenance && m.maintenance.until > now)
        maintenance.set(m.nodeId, { ...m.maintenance, from: e.origin_server_ts })
      else maintenance.delete(m.nodeId)
    }
    const version = versionOf(e, botUserId)
    if (version && byEvent.has(version.eventId)) {
      const list = versions.get(version.eventId) ?? []
      list.push({ at: e.origin_server_ts, incident: version.incident })
      versions.set(version.eventId, list)
    }
  }
  const views: IncidentView[] = [...recorded.values()].map((r) => {
    const seen = acks.get(r.eventId) ?? []
    const ack = r.incident.ack
    return {
      eventId: r.eventId,
      incident: r.incident,
      ackers: seen.length > 0 || !ack ? seen : [{ userId: ack.userId, at: ack.at, reactionId: null }],
      changes: timelineOf(versions.get(r.eventId) ?? [{ at: r.incident.openedAt, incident: r.incident }]),
    }
  })
  return splitByState(views, maintenance)
}

/** Open first by when they opened; resolved newest first. */
export function splitByState(
  views: readonly IncidentView[],
  maintenance: ReadonlyMap<string, MaintenanceWindow>,
): RoomIncidents {
  const open = views.filter((v) => isOpen(v.incident)).sort((a, b) => a.incident.since - b.incident.since)
  const resolved = views
    .filter((v) => !isOpen(v.incident))
    .sort((a, b) => (b.incident.resolvedAt ?? 0) - (a.incident.resolvedAt ?? 0))
  return { open, resolved, maintenance }
}

/** The incident a bot message states: its first version, or an edit's new content. */
function versionOf(e: RoomEvent, author: string): { eventId: string; incident: Incident } | null {
  if (e.type !== 'm.room.message' || e.sender !== author) return null
  const rel = e.content['m.relates_to'] as { rel_type?: unknown; event_id?: unknown } | undefined
  if (rel?.rel_type === 'm.replace' && typeof rel.event_id === 'string') {
    const fresh = e.content['m.new_content'] as Record<string, unknown> | undefined
    const incident = fromBlock(fresh?.[INCIDENT_KEY])
    return incident && { eventId: rel.event_id, incident }
  }
  if (rel !== undefined) return null
  const incident = fromBlock(e.content[INCIDENT_KEY])
  return incident && { eventId: e.event_id, incident }
}
