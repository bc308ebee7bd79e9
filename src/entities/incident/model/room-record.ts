import { z } from 'zod'
import type { Incident, Maintenance } from './incident.ts'
import { ACK_REACTION, fromBlock, INCIDENT_KEY, MaintenanceContentSchema } from './incident-content.ts'

/**
 * Reading incidents back from the room's events: the bot on start (no local state) and the console's
 * Incidents view. Events are validated one by one; an unreadable one is skipped, never the whole room.
 */

export const RoomEventSchema = z.object({
  event_id: z.string(),
  type: z.string(),
  sender: z.string(),
  origin_server_ts: z.number(),
  state_key: z.string().optional(),
  content: z.record(z.string(), z.unknown()).catch({}),
})
export type RoomEvent = z.infer<typeof RoomEventSchema>

export interface RecordedIncident {
  /** The original message, the one every edit replaces. */
  eventId: string
  incident: Incident
  /** When the latest version was written. */
  updatedAt: number
}

const Relates = z.object({ rel_type: z.string(), event_id: z.string(), key: z.string().optional() })

function relation(e: RoomEvent) {
  const r = Relates.safeParse(e.content['m.relates_to'])
  return r.success ? r.data : null
}

/**
 * The incidents that `author` posted, each at its latest edit (by `author` only: nobody else may rewrite the
 * record). Events may come in any order.
 */
export function readIncidents(events: readonly RoomEvent[], author: string): Map<string, RecordedIncident> {
  const byEvent = new Map<string, RecordedIncident>()
  const edits: RoomEvent[] = []
  for (const e of events) {
    if (e.type !== 'm.room.message' || e.sender !== author) continue
    const rel = relation(e)
    if (rel?.rel_type === 'm.replace') {
      edits.push(e)
      continue
    }
    if (rel) continue
    const incident = fromBlock(e.content[INCIDENT_KEY])
    if (incident) byEvent.set(e.event_id, { eventId: e.event_id, incident, updatedAt: e.origin_server_ts })
  }
  for (const e of edits.sort((a, b) => a.origin_server_ts - b.origin_server_ts)) {
    const target = byEvent.get(relation(e)?.event_id ?? '')
    const fresh = e.content['m.new_content']
    const incident = fromBlock(
      typeof fresh === 'object' && fresh !== null ? (fresh as Record<string, unknown>)[INCIDENT_KEY] : null,
    )
    if (!target || incident?.id !== target.incident.id || e.origin_server_ts < target.updatedAt) continue
    target.incident = incident
    target.updatedAt = e.origin_server_ts
  }
  // Keyed by incident id: a duplicate post (never intended) is read as its first message.
  const out = new Map<string, RecordedIncident>()
  for (const r of [...byEvent.values()].sort((a, b) => a.incident.openedAt - b.incident.openedAt)) {
    if (!out.has(r.incident.id)) out.set(r.incident.id, r)
  }
  return out
}

/** A 👀 reaction by someone other than `author` on one of its messages: who acknowledged which event. */
export function ackOf(e: RoomEvent, author: string): { eventId: string; userId: string; at: number } | null {
  if (e.type !== 'm.reaction' || e.sender === author) return null
  const rel = relation(e)
  if (rel?.rel_type !== 'm.annotation' || rel.key === undefined) return null
  // Clients send the emoji with or without the variation selector.
  if (rel.key.replace(/\uFE0F/g, '') !== ACK_REACTION) return null
  return { eventId: rel.event_id, userId: e.sender, at: e.origin_server_ts }
}

/** A maintenance state event: node id and its window, or null for an ended (empty) or unreadable one. */
export function maintenanceOf(
  e: RoomEvent,
  type: string,
): { nodeId: string; maintenance: Maintenance | null } | null {
  if (e.type !== type || e.state_key === undefined || e.state_key === '') return null
  const c = MaintenanceContentSchema.safeParse(e.content)
  return {
    nodeId: e.state_key,
    maintenance: c.success ? { until: c.data.until, reason: c.data.reason, setBy: e.sender } : null,
  }
}
