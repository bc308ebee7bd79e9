/** Pure helpers for mentions (spec: "User and room mentions", "Matrix URIs", MSC3952 intentional mentions). */

type Content = Record<string, unknown>

/** A user or room a link or a piece of text points at. */
export type MentionTarget = { kind: 'user'; userId: string } | { kind: 'room'; roomIdOrAlias: string }

/** A piece of a message's text: plain text, or a mention to draw as a pill. */
export type TextSegment =
  { kind: 'text'; text: string } | { kind: 'mention'; text: string; target: MentionTarget }

/** A server name: a host name, IPv4 or bracketed IPv6, with an optional port. */
const SERVER = String.raw`(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?`
const USER_ID = new RegExp(String.raw`^@[a-z0-9._=/+-]+:${SERVER}$`, 'i')
const ROOM_REF = new RegExp(String.raw`^[#!][^\s:/]+:${SERVER}$`)
/** User ids and room aliases in running text (not inside an e-mail address or a longer word). */
const IN_TEXT = new RegExp(String.raw`(?<![\w@#])([@#][a-z0-9._=/+-]+:${SERVER})`, 'gi')

/**
 * The user or room a `https://matrix.to/#/…` link points at; null for any other link (events within a
 * room, other hosts, malformed ids).
 */
export function parsePermalink(href: string): MentionTarget | null {
  const m = /^https:\/\/matrix\.to\/#\/([^/?]+)\/?(?:\?.*)?$/.exec(href.trim())
  if (!m?.[1]) return null
  let id: string
  try {
    id = decodeURIComponent(m[1])
  } catch {
    return null
  }
  if (USER_ID.test(id)) return { kind: 'user', userId: id }
  if (ROOM_REF.test(id)) return { kind: 'room', roomIdOrAlias: id }
  return null
}

/** The permalink of a user or room, as other clients write it. */
export const permalinkOf = (id: string) => `https://matrix.to/#/${encodeURIComponent(id)}`

/** The user ids an event says it mentions (`m.mentions.user_ids`), or null when it says nothing. */
export function mentionedUserIds(content: Content): string[] | null {
  const mentions = content['m.mentions']
  if (typeof mentions !== 'object' || mentions === null) return null
  const ids = (mentions as { user_ids?: unknown }).user_ids
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whether `name` occurs in `text` as a whole word (not inside a longer one), ignoring case. */
function containsWord(text: string, name: string) {
  if (!name.trim()) return false
  return new RegExp(String.raw`(?<![\p{L}\p{N}_])${escapeRegExp(name)}(?![\p{L}\p{N}_])`, 'iu').test(text)
}

/**
 * Whether a message mentions me: by `m.mentions.user_ids` when the sender's client wrote it (intentional
 * mentions, so a quoted name does not ping), else by my user id or display name in the body (older clients).
 * My own messages never do.
 */
export function mentionsMe(
  content: Content,
  sender: string | undefined,
  me: { userId: string; displayName?: string | null },
): boolean {
  if (sender === me.userId) return false
  const ids = mentionedUserIds(content)
  if (ids) return ids.includes(me.userId)
  const body = typeof content.body === 'string' ? content.body : ''
  if (body.includes(me.userId)) return true
  return !!me.displayName && me.displayName !== me.userId && containsWord(body, me.displayName)
}

/**
 * Splits plain text into text and mentions: user ids and room aliases written out, and the display names of
 * the users the event mentions (`names`: display name → user id), longest name first.
 */
export function splitMentions(text: string, names: ReadonlyMap<string, string> = new Map()): TextSegment[] {
  const byName = [...names.keys()].filter((n) => n.trim()).sort((a, b) => b.length - a.length)
  const patterns = [IN_TEXT.source]
  if (byName.length > 0) {
    patterns.push(String.raw`(?<![\p{L}\p{N}_])(${byName.map(escapeRegExp).join('|')})(?![\p{L}\p{N}_])`)
  }
  const re = new RegExp(patterns.join('|'), 'giu')
  const out: TextSegment[] = []
  let last = 0
  for (const m of text.matchAll(re)) {
    // A sentence's full stop after an id is not part of the server name.
    const token = m[0].replace(/\.+$/, '')
    const start = m.index
    const target = targetOf(token, names)
    if (!target) continue
    if (start > last) out.push({ kind: 'text', text: text.slice(last, start) })
    out.push({ kind: 'mention', text: token, target })
    last = start + token.length
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) })
  return out
}

function targetOf(token: string, names: ReadonlyMap<string, string>): MentionTarget | null {
  if (token.startsWith('@') && USER_ID.test(token)) return { kind: 'user', userId: token }
  if (token.startsWith('#') && ROOM_REF.test(token)) return { kind: 'room', roomIdOrAlias: token }
  for (const [name, userId] of names) {
    if (name.toLowerCase() === token.toLowerCase()) return { kind: 'user', userId }
  }
  return null
}
