import { useCallback, useState } from 'react'
import type { MatrixClient, MatrixEvent, Room } from 'matrix-js-sdk'
import { isShown, type TimelineItem } from '../model/timeline-items.ts'
import { firstUnreadId } from '../model/unread-line.ts'

/** My fully-read marker in the room (the lean sync keeps this one piece of room account data). */
function fullyReadOf(room: Room): string | null {
  const id: unknown = room.getAccountData('m.fully_read')?.getContent().event_id
  return typeof id === 'string' ? id : null
}

/**
 * The first unread message, from where I had left off when the room opened (my read receipt, or my
 * fully-read marker). Captured once, at the first render with the connection live: a warm open shows the
 * saved timeline before the catch-up sync brings the receipts, and the receipt this view sends (only while
 * live, after a pause) must not move it. `markRead()` removes the line.
 */
export function useUnreadLine(
  client: MatrixClient,
  room: Room,
  items: TimelineItem<MatrixEvent>[],
  live: boolean,
) {
  const me = client.getUserId()
  const [leftOff, setLeftOff] = useState<(string | null)[] | null>(null)
  if (leftOff === null && live && me) setLeftOff([room.getEventReadUpTo(me, true), fullyReadOf(room)])
  const [read, setRead] = useState(false)
  // `items` changes with every timeline change: the line follows back-pagination and new events.
  const unreadId =
    read || leftOff === null || items.length === 0
      ? null
      : firstUnreadId(
          room
            .getLiveTimeline()
            .getEvents()
            .map((e) => ({ id: e.getId(), sender: e.getSender(), shown: isShown(e) })),
          leftOff,
          me,
        )
  const markRead = useCallback(() => setRead(true), [setRead])
  return { unreadId, markRead }
}
