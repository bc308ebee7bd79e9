import { useConfig } from '@/lib/config/config-context.tsx'
import { isDemoHomeserver } from '@/lib/config/runtime-config.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { DEMO_ROOM_ALIAS, demoHomeserverUrl } from '@/lib/matrix/demo-homeserver.ts'
import { MatrixClientProvider } from '@/lib/matrix/matrix-client-provider.tsx'
import { Banner } from '@/ui/banner.tsx'
import { MatrixChatRoom } from '@/features/chat/components/matrix-chat-room.tsx'
import { chatAreaMessages } from './chat-area-messages.ts'

/**
 * The team room as the app shows it (side panel and full page): the tab's Matrix client around the chat,
 * pointed at the configured homeserver and room, or at the in-browser demo homeserver when none is set.
 */
export function MatrixChatArea() {
  const t = useT(chatAreaMessages)
  const config = useConfig()
  const demo = isDemoHomeserver(config)
  const homeserverUrl = config.homeserverUrl ?? demoHomeserverUrl()
  const room = config.chatRoom ?? (demo ? DEMO_ROOM_ALIAS : undefined)
  if (!room) {
    return (
      <div className="p-3">
        <Banner tone="warn">{t('noRoom')}</Banner>
      </div>
    )
  }
  return (
    <MatrixClientProvider>
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
  // Presence (issue 5) composes in here, inside the provider so it shares the tab's client:
  //   const presence = usePresenceHeartbeat()   // from src/features/presence
  //   activityAllowed={presence.activityAllowed} headerExtra={<PresenceControl … />}
  // Until then the chat sends typing notices and receipts whenever the user acts.
  return (
    <MatrixChatRoom
      room={room}
      homeserverUrl={homeserverUrl}
      demo={demo}
      activityAllowed
      headerExtra={null}
    />
  )
}
