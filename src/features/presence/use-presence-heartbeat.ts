import { useCallback, useEffect, useRef, useState } from 'react'
import type { PresenceTransportKind } from './api/create-presence-transport.ts'
import type { PresenceClient } from './api/presence-client.ts'
import type { PresenceController, PresenceSnapshot } from './model/presence-controller.ts'
import type { PresenceState } from './model/presence-machine.ts'
import type { BroadcastChannelLike } from './model/tab-arbiter.ts'
import { openBroadcastChannel, startPresence, stopPresence } from './presence-runtime.ts'

export interface PresenceHeartbeatOptions {
  /** Minutes without input before the user shows as away (config `idleMinutes`, default 5). */
  idleMinutes?: number
  /** 'direct' to the homeserver (default) or through the matrix-gateway (config `presenceTransport`). */
  transport?: PresenceTransportKind
  /** The gateway's base URL (config `gatewayUrl`); without it the direct transport is used. */
  gatewayUrl?: string
  /** Opens the channel the tabs of one user talk on; tests pass an in-memory one. Null: no arbitration. */
  openChannel?: (name: string) => BroadcastChannelLike | null
}

export interface PresenceHeartbeat {
  /** This tab's own state; null until the client is there. */
  state: PresenceState | null
  /** The user's state over all their tabs, as the others see it; null until the client is there. */
  effectiveState: PresenceState | null
  /** The user chose to appear away. */
  away: boolean
  /**
   * False while the user is idle, away or the page hidden: the chat then sends no typing notices and no
   * read receipts (each would flip the user back online on the server).
   */
  activityAllowed: boolean
  /** The homeserver refused the token: presence is no longer written. */
  unauthorized: boolean
  /** Appear away until `chooseAuto` (shared with the user's other tabs). */
  chooseAway: () => void
  /** Back to automatic presence: online while active, away when idle. */
  chooseAuto: () => void
}

/**
 * The user's presence, run for as long as the Matrix client exists (see `presence-runtime.ts`): activity (pointer, keys, wheel, touch,
 * focus, becoming visible) keeps them online; 5 minutes without it make them away; a hidden page makes them
 * offline, a closed one sends one keepalive offline write (`pagehide`, never `unload`), and a page restored
 * from the back/forward cache comes back online. The tabs of one user agree over a `BroadcastChannel` and
 * one of them writes. One timer, set to the next deadline and checked against the clock when it fires.
 */
export function usePresenceHeartbeat(
  client: PresenceClient | null,
  options: PresenceHeartbeatOptions = {},
): PresenceHeartbeat {
  const { idleMinutes = 5, transport = 'direct', gatewayUrl, openChannel = openBroadcastChannel } = options
  const [snapshot, setSnapshot] = useState<{ client: PresenceClient; snap: PresenceSnapshot } | null>(null)
  const controllerRef = useRef<PresenceController | null>(null)
  const openChannelRef = useRef(openChannel)
  useEffect(() => {
    openChannelRef.current = openChannel
  })

  useEffect(() => {
    if (!client) {
      // Signed out: the client that presence ran on is gone.
      stopPresence()
      return
    }
    const controller = startPresence(client, {
      idleMinutes,
      transport,
      gatewayUrl,
      openChannel: openChannelRef.current,
    })
    controllerRef.current = controller
    const publish = () => {
      setSnapshot({ client, snap: controller.snapshot() })
    }
    publish()
    // Unmounting only stops listening: presence keeps running while the client syncs.
    return controller.subscribe(publish)
  }, [client, idleMinutes, transport, gatewayUrl])

  const chooseAway = useCallback(() => controllerRef.current?.chooseAway(), [])
  const chooseAuto = useCallback(() => controllerRef.current?.chooseAuto(), [])

  // A snapshot belongs to the client it was made for: after logout or a new login it is not shown.
  const snap = snapshot && snapshot.client === client ? snapshot.snap : null
  return {
    state: snap?.local ?? null,
    effectiveState: snap?.effective ?? null,
    away: snap?.away ?? false,
    activityAllowed: snap?.activityAllowed ?? true,
    unauthorized: snap?.unauthorized ?? false,
    chooseAway,
    chooseAuto,
  }
}
