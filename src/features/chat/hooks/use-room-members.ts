import { useCallback, useEffect } from 'react'
import {
  ClientEvent,
  RoomStateEvent,
  SyncState,
  UserEvent,
  type MatrixClient,
  type Room,
} from 'matrix-js-sdk'
import { useTypedEventEmitterState } from '@/lib/matrix/use-typed-event-emitter.ts'
import { presenceAvailable, presenceKind, sortMembers, type MemberRow } from '../model/member-presence.ts'

const MEMBER_EVENTS = [
  UserEvent.Presence,
  UserEvent.CurrentlyActive,
  UserEvent.LastPresenceTs,
  RoomStateEvent.Members,
  RoomStateEvent.NewMember,
  ClientEvent.Sync,
] as const

/**
 * The joined members with their presence (online first) and the online count. Loads the full member list
 * once (the client syncs with lazy-loaded members) and follows presence and membership changes.
 */
export function useRoomMembers(
  client: MatrixClient,
  room: Room,
): { members: MemberRow[]; onlineCount: number; presenceUnavailable: boolean } {
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
    // A sync from the network (not the saved one) has been processed: SYNCING comes only after it.
    const answered = client.getSyncState() === SyncState.Syncing
    return {
      members,
      onlineCount: members.filter((m) => m.presence === 'online').length,
      presenceUnavailable: presenceAvailable(rows, answered) === false,
    }
  }, [client, room])
  return useTypedEventEmitterState(client, MEMBER_EVENTS, read)
}
