import { useCallback, useState } from 'react'
import {
  Direction,
  RoomEvent,
  ThreadEvent,
  type MatrixClient,
  type MatrixEvent,
  type Room,
} from 'matrix-js-sdk'
import { useTypedEventEmitterState } from '@/lib/matrix/use-typed-event-emitter.ts'
import { buildTimelineItems, type TimelineItem } from '../model/timeline-items.ts'

const PAGE = 40
const TIMELINE_EVENTS = [
  RoomEvent.Timeline,
  RoomEvent.TimelineReset,
  RoomEvent.LocalEchoUpdated,
  RoomEvent.Redaction,
  // A reply in a thread changes its root's summary; the root's row re-reads it.
  ThreadEvent.New,
  ThreadEvent.Update,
  ThreadEvent.NewReply,
] as const

/**
 * The room's live timeline plus its pending (local echo) events, laid out for display, and back-pagination.
 * Re-renders on new events, local echo updates, redactions and timeline resets (a gappy sync starts a new
 * live timeline; older events come back by paginating, so there is never a gap or a duplicate).
 */
export function useRoomTimeline(client: MatrixClient, room: Room) {
  const read = useCallback(
    (): TimelineItem<MatrixEvent>[] =>
      buildTimelineItems(room.getLiveTimeline().getEvents(), room.getPendingEvents()),
    [room],
  )
  const items = useTypedEventEmitterState(room, TIMELINE_EVENTS, read)
  const [paginating, setPaginating] = useState(false)
  const canPaginate = room.getLiveTimeline().getPaginationToken(Direction.Backward) !== null

  const paginateBack = useCallback(async () => {
    if (paginating || room.getLiveTimeline().getPaginationToken(Direction.Backward) === null) return
    setPaginating(true)
    try {
      await client.scrollback(room, PAGE)
    } catch {
      // The SDK backs off after a failure; the next scroll to the top tries again.
    } finally {
      setPaginating(false)
    }
  }, [client, room, paginating])

  return { items, paginating, canPaginate, paginateBack }
}
