import { useCallback, useEffect } from 'react'
import {
  EventTimeline,
  RoomEvent,
  RoomStateEvent,
  ThreadEvent,
  type MatrixClient,
  type Room,
} from 'matrix-js-sdk'
import { MAINTENANCE_EVENT_TYPE } from '@/entities/incident/model/incident-content.ts'
import { useEmitterVersion, useTypedEventEmitterState } from '@/lib/matrix/use-typed-event-emitter.ts'
import { useNow } from '@/lib/time/now-store.ts'
import { parseRoomEvents, roomIncidents, type RoomIncidents } from '../model/room-incidents.ts'

const ROOM_EVENTS = [
  RoomEvent.Timeline,
  RoomEvent.TimelineReset,
  RoomEvent.Redaction,
  RoomEvent.LocalEchoUpdated,
  ThreadEvent.Update,
] as const

/** How far back the room is read for incidents on first use (the sync brings only the latest events). */
const HISTORY_EVENTS = 300

/**
 * The room's incidents, kept current from the client's events: the bot's messages and edits, 👀 reactions
 * (acknowledgements) and maintenance state. Reads the room's history back once, so an incident opened
 * before the latest sync's window is not missed.
 */
export function useRoomIncidents(client: MatrixClient, room: Room, botUserId: string): RoomIncidents {
  useEffect(() => {
    const timeline = room.getLiveTimeline()
    if (timeline.getEvents().length >= HISTORY_EVENTS) return
    void client
      .paginateEventTimeline(timeline, { backwards: true, limit: HISTORY_EVENTS })
      .catch(() => undefined)
  }, [client, room])
  // Maintenance windows end by the clock: re-read each minute even without an event.
  const minute = Math.floor(useNow() / 60_000)
  const stateVersion = useEmitterVersion(client, [RoomStateEvent.Events])
  const read = useCallback(() => {
    const state = room.getLiveTimeline().getState(EventTimeline.FORWARDS)
    const raw = [
      ...room.getLiveTimeline().getEvents(),
      ...room.getPendingEvents(),
      ...(state?.getStateEvents(MAINTENANCE_EVENT_TYPE) ?? []),
    ].map((e) => e.getEffectiveEvent())
    return roomIncidents(parseRoomEvents(raw), botUserId, minute * 60_000)
    // stateVersion: a new maintenance event re-reads the room's state.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the version is the dependency, not read inside
  }, [room, botUserId, minute, stateVersion])
  return useTypedEventEmitterState(room, ROOM_EVENTS, read)
}
