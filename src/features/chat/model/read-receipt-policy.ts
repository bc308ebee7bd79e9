/** What the receipt policy needs to know about the newest event on screen. */
export interface ReceiptCandidate {
  roomId: string
  eventId: string | undefined
  sender: string | undefined
  /** Local echo not yet acknowledged by the server (no receipt can point at it). */
  pending: boolean
  /** The server already holds a receipt of ours at or after this event. */
  alreadyRead: boolean
}

/** After this long without a newer event, the newest one is read: a burst of events earns one receipt. */
export const RECEIPT_SETTLE_MS = 400

/**
 * Which event, if any, deserves a read receipt: only the newest one, only from someone else, only once
 * (`lastSent` per room), and never when the server already has us there (a reload re-reads the same room).
 */
export function receiptToSend(
  c: ReceiptCandidate,
  me: string | null,
  lastSent: ReadonlyMap<string, string>,
): string | null {
  if (!c.eventId?.startsWith('$') || c.pending) return null
  if (c.sender === me || c.alreadyRead) return null
  if (lastSent.get(c.roomId) === c.eventId) return null
  return c.eventId
}

/** Where the fully-read marker (`m.fully_read`, the unread line of every client) should go. */
export interface MarkerCandidate {
  roomId: string
  /** The event the reader has read through (the newest while caught up; null while not). */
  readThrough: string | null
  /** The marker as the server has it. */
  fullyRead: string | null
}

/**
 * Which event, if any, the fully-read marker moves to: where the reader has read through, once per room
 * (`lastMoved`), and not when the server has it there already. The server never moves it backwards.
 */
export function markerToMove(c: MarkerCandidate, lastMoved: ReadonlyMap<string, string>): string | null {
  if (!c.readThrough?.startsWith('$')) return null
  if (c.readThrough === c.fullyRead || lastMoved.get(c.roomId) === c.readThrough) return null
  return c.readThrough
}
