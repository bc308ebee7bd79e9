import { useConfig } from '@/lib/config/config-context.tsx'
import { useT } from '@/lib/i18n/use-t.ts'
import { MatrixClientProvider, useOptionalMatrixClient } from '@/lib/matrix/matrix-client-provider.tsx'
import { Banner } from '@/ui/banner.tsx'
import { MatrixChatRoom } from '@/features/chat/components/matrix-chat-room.tsx'
import { PresenceControl } from '@/features/presence/components/presence-control.tsx'
import { usePresenceHeartbeat } from '@/features/presence/use-presence-heartbeat.ts'
import { chatAreaMessages } from './chat-area-messages.ts'
import { chatTarget } from './chat-target.ts'

/**
 * The team room as the app shows it (side panel and full page): the tab's Matrix client around the chat,
 * pointed at the configured homeserver and room, or at the in-browser demo homeserver when none is set.
 */
export function MatrixChatArea() {
  const t = useT(chatAreaMessages)
  const { homeserverUrl, room, demo } = chatTarget(useConfig())
  if (!room) {
    return (
      <div className="p-3">
        <Banner tone="warn">{t('noRoom')}</Banner>
      </div>
    )
  }
  return (
    <MatrixClientProvider homeserverUrl={homeserverUrl}>
      <ChatWithPresence room={room} homeserverUrl={homeserverUrl} demo={demo} />
    </MatrixClientProvider>
  )
}

function ChatWithPresence({
  room,
  homeserverUrl,
  demo,
}: {
  room: string
  homeserverUrl: string
  demo: boolean
}) {
  // Presence shares the tab's client: the chat stops typing notices and receipts while the user is idle,
  // away or the page hidden, and shows the user's own state in its header.
  const config = useConfig()
  const presence = usePresenceHeartbeat(useOptionalMatrixClient(), {
    idleMinutes: config.idleMinutes,
    transport: config.presenceTransport,
    gatewayUrl: config.gatewayUrl,
  })
  return (
    <MatrixChatRoom
      room={room}
      homeserverUrl={homeserverUrl}
      demo={demo}
      activityAllowed={presence.activityAllowed}
      headerExtra={(room) =>
        presence.effectiveState ? (
          <PresenceControl
            presence={presence}
            serverUnreachable={room.serverUnreachable}
            presenceUnavailable={room.presenceUnavailable}
          />
        ) : null
      }
    />
  )
}
