/** The little of an event the unread line needs. */
export interface UnreadCandidate {
  id: string | undefined
  sender: string | undefined
  /** A row of its own in the timeline (not a reaction, an edit, a thread reply…). */
  shown: boolean
}

/** How long the reader stays at the bottom, with the line seen, before the unread count as read. */
export const UNREAD_LINE_DWELL_MS = 5_000

/**
 * Where the unread line goes: before the first message from someone else after where I left off (the later
 * of my read receipt and my fully-read marker, as they were when the room opened) and after anything I
 * wrote since. Null when nothing is unread. Where I left off may be older than the loaded events (a catch-up
 * after many messages starts a new timeline at the newest): with `olderThanLoaded`, everything loaded is new to
 * me; without it, a marker not loaded means nothing is known to be unread.
 */
export function firstUnreadId(
  events: readonly UnreadCandidate[],
  leftOff: readonly (string | null | undefined)[],
  me: string | null,
  olderThanLoaded = false,
): string | null {
  let from = -1
  for (const marker of leftOff) {
    if (!marker) continue
    const i = events.findIndex((e) => e.id === marker)
    if (i > from) from = i
  }
  if (from < 0 && !olderThanLoaded) return null
  let first: string | null = null
  for (const e of events.slice(from + 1)) {
    if (e.sender === me) first = null
    else if (first === null && e.shown && e.id?.startsWith('$')) first = e.id
  }
  return first
}
