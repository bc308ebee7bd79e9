import { z } from 'zod'
import type { Escalation, Incident } from './incident.ts'
import { escalationText, incidentText, type IncidentLanguage } from './incident-text.ts'

/**
 * The incident as a Matrix message: `m.notice` text for people, and a machine-readable block under the
 * project's namespace for the console and for the bot's own restart (the room is the record). Changes are
 * edits of the one message (`m.replace`); escalations are replies in its thread.
 */
export const INCIDENT_KEY = 'org.nodeconsole.incident'
export const MAINTENANCE_EVENT_TYPE = 'org.nodeconsole.maintenance'
/** The acknowledgement: a 👀 reaction on the incident's message. */
export const ACK_REACTION = '👀'

const ms = z.number()
const ids = z.array(z.string())

export const IncidentBlockSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  kind: z.enum(['nodes', 'hub', 'registry']),
  state: z.enum(['open', 'flapping', 'resolved']),
  hub: z.string().nullable(),
  nodes: ids,
  through: ids,
  down: ids,
  flapping: ids,
  unknown_count: z.number().int().nonnegative(),
  reason: z.string().nullable(),
  since: ms,
  opened_at: ms,
  last_down_at: ms,
  resolved_at: ms.nullable(),
  ack: z.object({ user_id: z.string(), at: ms }).nullable(),
  escalations: z.array(
    z.object({
      reason: z.enum(['unacknowledged', 'acknowledger-offline']),
      at: ms,
      user_id: z.string().nullable(),
    }),
  ),
})
export type IncidentBlock = z.infer<typeof IncidentBlockSchema>

export function toBlock(i: Incident): IncidentBlock {
  return {
    v: 1,
    id: i.id,
    kind: i.kind,
    state: i.state,
    hub: i.hub,
    nodes: i.nodes,
    through: i.through,
    down: i.down,
    flapping: i.flapping,
    unknown_count: i.unknownCount,
    reason: i.reason,
    since: i.since,
    opened_at: i.openedAt,
    last_down_at: i.lastDownAt,
    resolved_at: i.resolvedAt,
    ack: i.ack && { user_id: i.ack.userId, at: i.ack.at },
    escalations: i.escalations.map((e) => ({ reason: e.reason, at: e.at, user_id: e.userId })),
  }
}

/** The incident a block describes; null when the block is not one this version can read. */
export function fromBlock(value: unknown): Incident | null {
  const r = IncidentBlockSchema.safeParse(value)
  if (!r.success) return null
  const b = r.data
  return {
    id: b.id,
    kind: b.kind,
    state: b.state,
    hub: b.hub,
    nodes: b.nodes,
    through: b.through,
    down: b.down,
    flapping: b.flapping,
    unknownCount: b.unknown_count,
    reason: b.reason,
    since: b.since,
    openedAt: b.opened_at,
    lastDownAt: b.last_down_at,
    resolvedAt: b.resolved_at,
    ack: b.ack && { userId: b.ack.user_id, at: b.ack.at },
    escalations: b.escalations.map((e) => ({ reason: e.reason, at: e.at, userId: e.user_id })),
  }
}

export interface NoticeContent {
  msgtype: 'm.notice'
  body: string
  [INCIDENT_KEY]: IncidentBlock
}

/** The first message of an incident. */
export function incidentContent(i: Incident, lang: IncidentLanguage): NoticeContent {
  return { msgtype: 'm.notice', body: incidentText(i, lang), [INCIDENT_KEY]: toBlock(i) }
}

/**
 * An edit of the incident's message: clients that know edits show `m.new_content`; others show the
 * fallback body with the customary `* `. The block sits on both, so a reader of either finds it.
 */
export function incidentEditContent(i: Incident, lang: IncidentLanguage, originalEventId: string) {
  const fresh = incidentContent(i, lang)
  return {
    ...fresh,
    body: `* ${fresh.body}`,
    'm.new_content': fresh,
    'm.relates_to': { rel_type: 'm.replace', event_id: originalEventId },
  }
}

/** The escalation: a reply in the incident's thread that mentions (and so notifies) who is online. */
export function escalationContent(
  i: Incident,
  e: Escalation,
  onlineUserIds: readonly string[],
  lang: IncidentLanguage,
  rootEventId: string,
) {
  return {
    msgtype: 'm.text',
    body: escalationText(i, e, onlineUserIds, lang),
    'm.mentions': { user_ids: [...onlineUserIds] },
    'm.relates_to': {
      rel_type: 'm.thread',
      event_id: rootEventId,
      is_falling_back: true,
      'm.in_reply_to': { event_id: rootEventId },
    },
  }
}

/** Maintenance as the room's state event carries it: `until` in epoch ms or ISO text; an empty content ends it. */
export const MaintenanceContentSchema = z.object({
  until: z.union([
    z.number(),
    z
      .string()
      .transform((v) => Date.parse(v))
      .pipe(z.number()),
  ]),
  reason: z.string().max(500).catch(''),
})
