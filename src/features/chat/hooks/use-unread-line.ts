import { useCallback, useState } from 'react'
import { Direction, type MatrixClient, type MatrixEvent, type Room } from 'matrix-js-sdk'
import { isShown, type TimelineItem } from '../model/timeline-items.ts'
import { firstUnreadId } from '../model/unread-line.ts'
import { fullyReadOf } from './use-read-markers.ts'

/** The newest event the server has sent in the room's live timeline (local echo is apart from it). */
export function newestEventId(room: Room): string | null {
  return room.getLiveTimeline().getEvents().at(-1)?.getId() ?? null
}

/**
 * The first unread message, from where I had left off when the room opened: my fully-read marker, as every
 * client draws it (my read receipt only in a room without one). Captured once, at the first render with the
 * connection live: a warm open shows the saved timeline before the catch-up sync brings the markers, and the
 * markers this view moves must not move the line. `markRead()` removes the line and says which event was
 * the newest then (`markedThrough`), for the fully-read marker.
 */
export function useUnreadLine(
  client: MatrixClient,
  room: Room,
  items: TimelineItem<MatrixEvent>[],
  live: boolean,
) {
  const me = client.getUserId()
  const [leftOff, setLeftOff] = useState<string | null | undefined>(undefined)
  if (leftOff === undefined && live && me) setLeftOff(fullyReadOf(room) ?? room.getEventReadUpTo(me, true))
  const [markedThrough, setMarkedThrough] = useState<string | null>(null)
  // `items` changes with every timeline change: the line follows back-pagination and new events.
  const timeline = room.getLiveTimeline()
  const unreadId =
    markedThrough !== null || !leftOff || items.length === 0
      ? null
      : firstUnreadId(
          timeline.getEvents().map((e) => ({ id: e.getId(), sender: e.getSender(), shown: isShown(e) })),
          [leftOff],
          me,
          // Not loaded while older history is: the catch-up began a timeline after it (many new messages).
          timeline.getPaginationToken(Direction.Backward) !== null,
        )
  const markRead = useCallback(() => {
    setMarkedThrough(newestEventId(room) ?? '')
  }, [room, setMarkedThrough])
  return { unreadId, markRead, markedThrough }
}
