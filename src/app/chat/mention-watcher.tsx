import { useCallback } from 'react'
import { useLocation } from 'react-router'
import { useConfig } from '@/lib/config/config-context.tsx'
import { MatrixClientProvider, useOptionalMatrixClient } from '@/lib/matrix/matrix-client-provider.tsx'
import { useMentionAlerts } from '@/features/chat/hooks/use-mention-alerts.ts'
import { useJumpRequestStore } from '@/features/chat/model/jump-request-store.ts'
import { usePresenceHeartbeat } from '@/features/presence/use-presence-heartbeat.ts'
import { useLayoutStore } from '../layout/layout-store.ts'
import { chatTarget } from './chat-target.ts'

/**
 * Mentions reach the user in every view: once signed in to the chat, the tab's one Matrix client (shared with
 * the chat panel and page, `acquireMatrixClient`) runs beside the dashboard, with its presence, and a hidden
 * tab notifies and counts mentions in its title. Signed out, it starts nothing. Loaded after the first paint.
 */
export function MentionWatcher() {
  const { homeserverUrl, room } = chatTarget(useConfig())
  if (!room) return null
  return (
    <MatrixClientProvider homeserverUrl={homeserverUrl}>
      <WatchRoom room={room} />
    </MatrixClientProvider>
  )
}

function WatchRoom({ room }: { room: string }) {
  const config = useConfig()
  const client = useOptionalMatrixClient()
  const { pathname } = useLocation()
  // Every sync sets presence: the client running here must keep it following the user, as the chat does.
  usePresenceHeartbeat(client, {
    idleMinutes: config.idleMinutes,
    transport: config.presenceTransport,
    gatewayUrl: config.gatewayUrl,
  })
  // The notification's click: the chat panel opens (unless the chat page is shown) at the message.
  const onOpen = useCallback(
    (eventId: string) => {
      const layout = useLayoutStore.getState()
      if (pathname !== '/chat' && !layout.chatPanelOpen) layout.chatPanelToggled()
      useJumpRequestStore.getState().jumpRequested(eventId)
    },
    [pathname],
  )
  useMentionAlerts(client, room, onOpen)
  return null
}
