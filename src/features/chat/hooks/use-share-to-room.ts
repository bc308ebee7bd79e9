import { useCallback, useState } from 'react'
import { useConfig } from '@/lib/config/config-context.tsx'
import { isDemoHomeserver } from '@/lib/config/runtime-config.ts'
import { DEMO_ROOM_ALIAS } from '@/lib/matrix/demo-homeserver.ts'
import { acquireMatrixClient } from '@/lib/matrix/matrix-client.ts'
import { useMatrixSessionStore } from '@/lib/matrix/matrix-session-store.ts'

export type ShareState =
  { status: 'idle' } | { status: 'sending' } | { status: 'sent' } | { status: 'error'; message: string }

/**
 * Posts a plain-text notice to the team room (`config.chatRoom`, or the demo room) with the tab's client,
 * starting it if the chat has not been opened yet. `canShare` is false while signed out.
 */
export function useShareToRoom() {
  const config = useConfig()
  const session = useMatrixSessionStore((s) => s.session)
  const room = config.chatRoom ?? (isDemoHomeserver(config) ? DEMO_ROOM_ALIAS : undefined)
  const [state, setState] = useState<ShareState>({ status: 'idle' })

  const share = useCallback(
    async (body: string) => {
      if (!session || !room) return
      setState({ status: 'sending' })
      try {
        const client = await acquireMatrixClient(session)
        const roomId = room.startsWith('#') ? (await client.getRoomIdForAlias(room)).room_id : room
        await client.sendNotice(roomId, body)
        setState({ status: 'sent' })
      } catch (e) {
        setState({ status: 'error', message: e instanceof Error ? e.message : String(e) })
      }
    },
    [session, room],
  )

  return { share, state, canShare: session !== null && room !== undefined }
}
