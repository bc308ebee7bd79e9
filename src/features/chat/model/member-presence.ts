export type PresenceKind = 'online' | 'away' | 'offline' | 'unknown'

/** The chat's message key that names each presence (the member list, a person beside an incident). */
export const PRESENCE_LABEL = {
  online: 'presenceOnline',
  away: 'presenceAway',
  offline: 'presenceOffline',
  unknown: 'presenceUnknown',
} as const satisfies Record<PresenceKind, string>

/** The little of a matrix-js-sdk `User` presence needs. */
export interface PresenceUserLike {
  presence: string
  currentlyActive: boolean
  events: { presence?: unknown }
  getLastActiveTs(): number
}

/**
 * The contract's rule: online when currently active or "online"; away for "unavailable"; offline for
 * "offline"; unknown when there is no user or no presence has arrived (presence may be off on the server).
 */
export function presenceKind(user: PresenceUserLike | null | undefined): PresenceKind {
  if (!user?.events.presence) return 'unknown'
  if (user.currentlyActive || user.presence === 'online') return 'online'
  if (user.presence === 'unavailable') return 'away'
  if (user.presence === 'offline') return 'offline'
  return 'unknown'
}

const RANK: Record<PresenceKind, number> = { online: 0, away: 1, offline: 2, unknown: 3 }

export interface MemberRow {
  userId: string
  name: string
  avatarUrl: string | null
  presence: PresenceKind
  /** ms since epoch, or null when unknown. */
  lastActiveTs: number | null
}

/**
 * Whether the homeserver gives presence at all: once it has answered a sync, a room where nobody (not even
 * me) has a presence event is on a server with presence disabled. Null until the server has answered.
 */
export function presenceAvailable(rows: readonly MemberRow[], serverAnswered: boolean): boolean | null {
  if (rows.some((r) => r.presence !== 'unknown')) return true
  return serverAnswered ? false : null
}

/** Online first, then away, offline, unknown; by name within each. */
export function sortMembers(rows: readonly MemberRow[]): MemberRow[] {
  return [...rows].sort((a, b) => RANK[a.presence] - RANK[b.presence] || a.name.localeCompare(b.name, 'uk'))
}

/** Two letters for an avatar without a picture: "Олена Коваленко" → "ОК", "@bob:x" → "B". */
export function initials(name: string): string {
  const words = name
    .replace(/^[@#!]/, '')
    .split(/[\s:._-]+/)
    .filter(Boolean)
  const letters = words.length > 1 ? [words[0], words[1]] : [words[0] ?? '?']
  return letters
    .map((w) => (w ?? '').charAt(0))
    .join('')
    .toUpperCase()
}
