import { mentionsMe } from './mentions.ts'

/** What the mention alert needs of a new event. */
export interface AlertCandidate {
  id: string | undefined
  sender: string | undefined
  senderName: string
  content: Record<string, unknown>
  /** From the live stream (not back-pagination, not the saved timeline). */
  live: boolean
  /** My receipt is already at or after it (read on another device). */
  alreadyRead: boolean
}

/** A notification's body stays short: the system truncates anyway, and it may be on a lock screen. */
const BODY_MAX = 140

/**
 * The notification a new event deserves while I am away: only a live, unread message from someone else
 * that mentions me. The key is the event id, so every tab agrees it is one notification.
 */
export function mentionAlert(
  e: AlertCandidate,
  me: { userId: string; displayName?: string | null },
  roomName: string,
): { key: string; title: string; body: string } | null {
  if (!e.live || e.alreadyRead || !e.id?.startsWith('$')) return null
  if (!mentionsMe(e.content, e.sender, me)) return null
  const body = typeof e.content.body === 'string' ? e.content.body.trim() : ''
  return {
    key: `mention:${e.id}`,
    title: `${e.senderName} · ${roomName}`,
    body: body.length > BODY_MAX ? `${body.slice(0, BODY_MAX - 1)}…` : body,
  }
}

/** What of a room tells whether it is the configured one. */
export interface RoomNames {
  roomId: string
  canonicalAlias: string | null
  altAliases: readonly string[]
}

/** Whether `room` is the one configured as `!id:server` or `#alias:server` (only its mentions alert). */
export function isConfiguredRoom(roomIdOrAlias: string, room: RoomNames): boolean {
  if (!roomIdOrAlias.startsWith('#')) return room.roomId === roomIdOrAlias
  return room.canonicalAlias === roomIdOrAlias || room.altAliases.includes(roomIdOrAlias)
}
