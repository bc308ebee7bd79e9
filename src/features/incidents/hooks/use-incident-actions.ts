import { useMemo } from 'react'
import { EventTimeline, RoomStateEvent, type MatrixClient, type Room } from 'matrix-js-sdk'
import { ACK_REACTION, MAINTENANCE_EVENT_TYPE } from '@/entities/incident/model/incident-content.ts'
import { useTypedEventEmitterState } from '@/lib/matrix/use-typed-event-emitter.ts'
import type { IncidentActions } from '../model/incident-actions.ts'

/**
 * What the user can do about incidents in the room: 👀 on an incident's message (and take it back), and the
 * maintenance state event for a node, when the room's power levels allow it.
 */
export function useIncidentActions(client: MatrixClient, room: Room): IncidentActions {
  const me = client.getSafeUserId()
  const mayMaintain = useTypedEventEmitterState(
    client,
    [RoomStateEvent.Events, RoomStateEvent.Update],
    () =>
      room
        .getLiveTimeline()
        .getState(EventTimeline.FORWARDS)
        ?.maySendStateEvent(MAINTENANCE_EVENT_TYPE, me) ?? false,
  )
  return useMemo(
    () => ({
      me,
      acknowledge: async (eventId) => {
        await client.sendEvent(
          room.roomId,
          'm.reaction' as never,
          { 'm.relates_to': { rel_type: 'm.annotation', event_id: eventId, key: ACK_REACTION } } as never,
        )
      },
      withdraw: async (reactionId) => {
        await client.redactEvent(room.roomId, reactionId)
      },
      maintenanceBlocked: mayMaintain ? null : 'power',
      setMaintenance: async (nodeId, until, reason) => {
        await client.sendStateEvent(
          room.roomId,
          MAINTENANCE_EVENT_TYPE as never,
          { until, reason } as never,
          nodeId,
        )
      },
      endMaintenance: async (nodeId) => {
        await client.sendStateEvent(room.roomId, MAINTENANCE_EVENT_TYPE as never, {} as never, nodeId)
      },
    }),
    [client, room, me, mayMaintain],
  )
}
