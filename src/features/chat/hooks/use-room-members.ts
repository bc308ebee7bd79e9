import { useCallback, useEffect } from 'react'
import { RoomStateEvent, UserEvent, type MatrixClient, type Room } from 'matrix-js-sdk'
import { useTypedEventEmitterState } from '@/lib/matrix/use-typed-event-emitter.ts'
import { presenceKind, sortMembers, type MemberRow } from '../model/member-presence.ts'

const MEMBER_EVENTS = [
  UserEvent.Presence,
  UserEvent.CurrentlyActive,
  UserEvent.LastPresenceTs,
  RoomStateEvent.Members,
  RoomStateEvent.NewMember,
] as const

/**
 * The joined members with their presence (online first) and the online count. Loads the full member list
 * once (the client syncs with lazy-loaded members) and follows presence and membership changes.
 */
export function useRoomMembers(
  client: MatrixClient,
  room: Room,
): { members: MemberRow[]; onlineCount: number } {
  useEffect(() => {
    void room.loadMembersIfNeeded().catch(() => undefined)
  }, [room])
  const read = useCallback(() => {
    const rows: MemberRow[] = room.getJoinedMembers().map((m) => {
      const user = client.getUser(m.userId)
      const presence = presenceKind(user)
      const lastActive = user?.events.presence ? user.getLastActiveTs() : -1
      return {
        userId: m.userId,
        name: m.name,
        avatarUrl: m.getMxcAvatarUrl() ?? null,
        presence,
        lastActiveTs: lastActive > 0 ? lastActive : null,
      }
    })
    const members = sortMembers(rows)
    return { members, onlineCount: members.filter((m) => m.presence === 'online').length }
  }, [client, room])
  return useTypedEventEmitterState(client, MEMBER_EVENTS, read)
}
