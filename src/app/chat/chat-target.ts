import { isDemoHomeserver, type RuntimeConfig } from '@/lib/config/runtime-config.ts'
import { DEMO_ROOM_ALIAS, demoHomeserverUrl } from '@/lib/matrix/demo-homeserver.ts'

/** The homeserver and room the console's chat is pointed at: the configured ones, or the in-browser demo's. */
export function chatTarget(config: RuntimeConfig): {
  homeserverUrl: string
  room: string | undefined
  demo: boolean
} {
  const demo = isDemoHomeserver(config)
  return {
    homeserverUrl: config.homeserverUrl ?? demoHomeserverUrl(),
    room: config.chatRoom ?? (demo ? DEMO_ROOM_ALIAS : undefined),
    demo,
  }
}
