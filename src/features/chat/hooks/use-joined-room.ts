import { useCallback, useEffect, useState } from 'react'
import { ClientEvent, KnownMembership, RoomEvent, type MatrixClient, type Room } from 'matrix-js-sdk'
import { hasRoomData } from '@/lib/matrix/matrix-client.ts'
import { useEmitterVersion } from '@/lib/matrix/use-typed-event-emitter.ts'

/** A joined room that already names this alias (from the saved sync): no round trip before showing it. */
function knownRoomForAlias(client: MatrixClient, alias: string): string | undefined {
  return client
    .getRooms()
    .find(
      (r) =>
        r.getMyMembership() === (KnownMembership.Join as string) &&
        (r.getCanonicalAlias() === alias || r.getAltAliases().includes(alias)),
    )?.roomId
}

export type JoinedRoomState =
  | { status: 'loading' }
  | { status: 'ready'; room: Room }
  | { status: 'error'; error: Error; retry: () => void }

/**
 * The room for an id (`!x:server`) or alias (`#x:server`), joined when the user is not in it yet.
 * Waits for the first sync (or the saved one), so the room's timeline and state are there when it is returned.
 */
export function useJoinedRoom(client: MatrixClient, roomIdOrAlias: string): JoinedRoomState {
  const [resolved, setResolved] = useState<{ for: string; roomId: string } | null>(null)
  const [error, setError] = useState<{ for: string; error: Error } | null>(null)
  const [attempt, setAttempt] = useState(0)
  // Re-render (and re-read the store below) whenever the client reports rooms or membership.
  useEmitterVersion(client, [ClientEvent.Sync, ClientEvent.Room, RoomEvent.MyMembership])
  const initialSyncDone = hasRoomData(client)

  useEffect(() => {
    if (!initialSyncDone) return
    const ac = new AbortController()
    void (async () => {
      try {
        const roomId = roomIdOrAlias.startsWith('#')
          ? (knownRoomForAlias(client, roomIdOrAlias) ??
            (await client.getRoomIdForAlias(roomIdOrAlias)).room_id)
          : roomIdOrAlias
        if (client.getRoom(roomId)?.getMyMembership() !== KnownMembership.Join) {
          await client.joinRoom(roomIdOrAlias)
        }
        if (!ac.signal.aborted) setResolved({ for: roomIdOrAlias, roomId })
      } catch (e) {
        if (!ac.signal.aborted)
          setError({ for: roomIdOrAlias, error: e instanceof Error ? e : new Error(String(e)) })
      }
    })()
    return () => {
      ac.abort()
    }
  }, [client, roomIdOrAlias, initialSyncDone, attempt])

  const retry = useCallback(() => {
    setError(null)
    setAttempt((a) => a + 1)
  }, [])

  if (error?.for === roomIdOrAlias) return { status: 'error', error: error.error, retry }
  const room = resolved?.for === roomIdOrAlias ? client.getRoom(resolved.roomId) : null
  if (room?.getMyMembership() === KnownMembership.Join) return { status: 'ready', room }
  return { status: 'loading' }
}
