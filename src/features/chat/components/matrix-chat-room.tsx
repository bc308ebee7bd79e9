import { useState } from 'react'
import { Banner } from '@/ui/banner.tsx'
import { Button } from '@/ui/button.tsx'
import { Skeleton } from '@/ui/skeleton.tsx'
import { useT } from '@/lib/i18n/use-t.ts'
import { logoutMatrixClient } from '@/lib/matrix/matrix-client.ts'
import { useMatrixClient, useMatrixContext } from '@/lib/matrix/matrix-client-provider.tsx'
import { chatMessages } from '../chat-messages.ts'
import { useJoinedRoom } from '../hooks/use-joined-room.ts'
import { ConnectionStatus } from './connection-status.tsx'
import { LoginForm } from './login-form.tsx'
import { RoomView, type HeaderExtra } from './room-view.tsx'

export interface MatrixChatRoomProps {
  /** Room id (`!x:server`) or alias (`#x:server`); joined when the user is not in it. */
  room: string
  /** Shown on the login form and used to sign in. */
  homeserverUrl: string
  /** The homeserver is the in-browser simulator (demo mode): the form says so and gives the password. */
  demo?: boolean
  /**
   * False while the user is idle or the page hidden: no typing notices and no read receipts then (each
   * flips the user's presence back to online on the server). Default true.
   */
  activityAllowed?: boolean
  /** A slot in the header, e.g. the presence control the app composes in (may depend on the room's state). */
  headerExtra?: HeaderExtra
}

/**
 * A Matrix room in the console: sign-in when there is no session, then the room with its timeline,
 * composer, typing, members and connection state. Must be inside `MatrixClientProvider`.
 */
export function MatrixChatRoom({
  room,
  homeserverUrl,
  demo = false,
  activityAllowed = true,
  headerExtra,
}: MatrixChatRoomProps) {
  const t = useT(chatMessages)
  const { session, client, startError } = useMatrixContext()
  if (!session) return <LoginForm homeserverUrl={homeserverUrl} demo={demo} />
  if (startError) {
    return (
      <div className="p-3">
        <Banner tone="bad" action={<Button onClick={() => void logoutMatrixClient()}>{t('signOut')}</Button>}>
          {t('roomFailed', { room, message: startError.message })}
        </Banner>
      </div>
    )
  }
  if (!client) return <RoomLoading />
  return <JoinedRoom room={room} activityAllowed={activityAllowed} headerExtra={headerExtra} />
}

function RoomLoading() {
  const t = useT(chatMessages)
  return (
    <div className="flex flex-1 flex-col gap-3 p-3" aria-busy="true">
      <ConnectionStatus />
      <p className="text-sm text-muted">{t('roomLoading')}</p>
      <Skeleton className="h-10 w-3/4" />
      <Skeleton className="h-10 w-2/3" />
    </div>
  )
}

function JoinedRoom({
  room,
  activityAllowed,
  headerExtra,
}: {
  room: string
  activityAllowed: boolean
  headerExtra?: HeaderExtra
}) {
  const t = useT(chatMessages)
  const client = useMatrixClient()
  const [membersOpen, setMembersOpen] = useState(false)
  const joined = useJoinedRoom(client, room)
  if (joined.status === 'loading') return <RoomLoading />
  if (joined.status === 'error') {
    return (
      <div className="flex flex-col gap-2 p-3">
        <ConnectionStatus />
        <Banner tone="bad" action={<Button onClick={joined.retry}>{t('retry')}</Button>}>
          {t('roomFailed', { room, message: joined.error.message })}
        </Banner>
      </div>
    )
  }
  return (
    <RoomView
      client={client}
      room={joined.room}
      activityAllowed={activityAllowed}
      headerExtra={headerExtra}
      membersOpen={membersOpen}
      onToggleMembers={() => setMembersOpen((o) => !o)}
    />
  )
}
