import { RoomMemberEvent, type MatrixClient, type Room } from 'matrix-js-sdk'
import { useEmitterVersion } from '@/lib/matrix/use-typed-event-emitter.ts'

/** Display names of the others currently typing in the room. */
export function useTypingUsers(client: MatrixClient, room: Room): string[] {
  useEmitterVersion(client, [RoomMemberEvent.Typing])
  const me = client.getUserId()
  return room
    .getMembers()
    .filter((m) => m.typing && m.userId !== me)
    .map((m) => m.name)
}
