/** Pure helpers for the relations the chat reads and writes (spec: "Rich replies", "Event replacements", …). */

/** The quick reactions offered under each message (👀 acknowledges an incident). */
export const QUICK_REACTIONS = ['👍', '👀', '✅', '❤️'] as const

type Content = Record<string, unknown>

/** A string field of event content, or '' (content is whatever the sender put there). */
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The plain body of an event's content. */
export const bodyOf = (content: Content): string => textOf(content.body)

const relatesTo = (content: Content) =>
  content['m.relates_to'] as
    | {
        rel_type?: unknown
        event_id?: unknown
        'm.in_reply_to'?: { event_id?: unknown }
        is_falling_back?: unknown
      }
    | null
    | undefined

/**
 * The event a message replies to, from `m.in_reply_to`; none for a thread's fallback reply (which only
 * points at the previous message of the thread for clients without threads).
 */
export function replyTargetId(content: Content): string | null {
  const rel = relatesTo(content)
  if (!rel || rel.is_falling_back === true) return null
  const id = rel['m.in_reply_to']?.event_id
  return typeof id === 'string' ? id : null
}

/** A reply's plain body without the `> <@user> quoted` fallback lines older clients put in front. */
export function stripReplyFallback(body: string): string {
  const lines = body.split('\n')
  let i = 0
  while (i < lines.length && lines[i]?.startsWith('> ')) i++
  if (i === 0) return body
  if (lines[i] === '') i++
  return lines.slice(i).join('\n')
}

/** Content of a reply to `eventId`. */
export function replyContent(body: string, eventId: string): Content {
  return { msgtype: 'm.text', body, 'm.relates_to': { 'm.in_reply_to': { event_id: eventId } } }
}

/** Content of a reply in the thread rooted at `rootId`; `lastId` is the thread's latest event (fallback). */
export function threadReplyContent(body: string, rootId: string, lastId: string): Content {
  return {
    msgtype: 'm.text',
    body,
    'm.relates_to': {
      rel_type: 'm.thread',
      event_id: rootId,
      is_falling_back: true,
      'm.in_reply_to': { event_id: lastId },
    },
  }
}

/** Content of an edit of `eventId`: `m.new_content` for clients that know edits, `* body` for the others. */
export function editContent(body: string, eventId: string): Content {
  return {
    msgtype: 'm.text',
    body: `* ${body}`,
    'm.new_content': { msgtype: 'm.text', body },
    'm.relates_to': { rel_type: 'm.replace', event_id: eventId },
  }
}

/** Content of a reaction `key` on `eventId`. */
export function reactionContent(key: string, eventId: string): Content {
  return { 'm.relates_to': { rel_type: 'm.annotation', event_id: eventId, key } }
}

/** One reaction chip: its key, how many, who (names) and my own reaction event if I reacted. */
export interface ReactionChip {
  key: string
  count: number
  senders: string[]
  mine: string | null
}

/** Groups reaction events into chips, biggest first, then in order of first appearance. */
export function reactionChips(
  reactions: readonly { key: string; sender: string; eventId: string | undefined; redacted: boolean }[],
  me: string | null,
): ReactionChip[] {
  const byKey = new Map<string, ReactionChip>()
  for (const r of reactions) {
    if (r.redacted) continue
    const chip = byKey.get(r.key) ?? { key: r.key, count: 0, senders: [], mine: null }
    if (chip.senders.includes(r.sender)) continue
    chip.senders.push(r.sender)
    chip.count++
    if (r.sender === me && r.eventId) chip.mine = r.eventId
    byKey.set(r.key, chip)
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count)
}
