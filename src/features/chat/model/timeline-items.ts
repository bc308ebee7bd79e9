/** The little of a Matrix event the timeline layout needs (a `MatrixEvent` fits). */
export interface TimelineEventLike {
  getId(): string | undefined
  getTxnId(): string | undefined
  getTs(): number
  getSender(): string | undefined
  getType(): string
  isState(): boolean
  /** Whether it relates to another event with this relation type (`m.replace`, `m.thread`, …). */
  isRelation(relType?: string): boolean
}

export type TimelineItem<E extends TimelineEventLike> =
  { kind: 'day'; key: string; ts: number } | { kind: 'event'; key: string; event: E; continuation: boolean }

/** Consecutive messages of one sender within this window are grouped under one name and avatar. */
export const GROUP_WINDOW_MS = 5 * 60_000

/** Events with nothing to show in a chat (they act on other events or on the room). */
const HIDDEN_TYPES = new Set(['m.room.redaction', 'm.reaction', 'm.receipt', 'm.typing'])

/**
 * Edits change the message they replace and thread replies live in their thread: neither is a row of its
 * own in the room's timeline.
 */
export const isShown = (e: TimelineEventLike) =>
  !e.isState() && !HIDDEN_TYPES.has(e.getType()) && !e.isRelation('m.replace') && !e.isRelation('m.thread')

const dayKey = (ts: number) => {
  const d = new Date(ts)
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`
}

/** A stable key across local echo → remote echo (the SDK keeps the transaction id on our own events). */
export const eventKey = (e: TimelineEventLike) => e.getTxnId() ?? e.getId() ?? ''

/**
 * Lays out the timeline: live events then pending ones (local echo), without duplicates, with a separator
 * at each new local day and `continuation` set for grouped messages.
 */
export function buildTimelineItems<E extends TimelineEventLike>(
  live: readonly E[],
  pending: readonly E[] = [],
): TimelineItem<E>[] {
  const items: TimelineItem<E>[] = []
  const seen = new Set<string>()
  let prev: E | undefined
  for (const e of [...live, ...pending]) {
    if (!isShown(e)) continue
    const key = eventKey(e)
    const id = e.getId()
    if (seen.has(key) || (id && seen.has(id))) continue
    seen.add(key)
    if (id) seen.add(id)
    const ts = e.getTs()
    const newDay = !prev || dayKey(prev.getTs()) !== dayKey(ts)
    if (newDay) items.push({ kind: 'day', key: `day-${dayKey(ts)}`, ts })
    const continuation =
      !newDay && prev?.getSender() === e.getSender() && ts - (prev?.getTs() ?? 0) < GROUP_WINDOW_MS
    items.push({ kind: 'event', key, event: e, continuation })
    prev = e
  }
  return items
}
