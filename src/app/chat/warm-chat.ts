import { isDemoHomeserver, type RuntimeConfig } from '@/lib/config/runtime-config.ts'
import { preloadMatrixSdk, warmMatrixClient } from '@/lib/matrix/matrix-client.ts'
import { sameHomeserver } from '@/lib/matrix/matrix-client-provider.tsx'
import { useMatrixSessionStore } from '@/lib/matrix/matrix-session-store.ts'

/**
 * What the idle prefetch does once the chat's code is loaded: with a session for the configured homeserver,
 * the client is built on its saved sync, so opening the chat only starts it; otherwise only the SDK loads.
 * The demo's in-browser homeserver is left alone: it starts with the chat.
 */
export function warmChat(config: RuntimeConfig): void {
  const session = useMatrixSessionStore.getState().session
  const homeserverUrl = isDemoHomeserver(config) ? null : config.homeserverUrl
  if (session && homeserverUrl && sameHomeserver(session.homeserverUrl, homeserverUrl)) {
    warmMatrixClient(session)
  } else {
    preloadMatrixSdk()
  }
}
