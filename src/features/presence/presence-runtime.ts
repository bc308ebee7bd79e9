import type { PresenceClient } from './api/presence-client.ts'
import { createPresenceTransport, type PresenceTransportKind } from './api/create-presence-transport.ts'
import { systemClock } from './model/clock.ts'
import { createPresenceController, type PresenceController } from './model/presence-controller.ts'
import type { BroadcastChannelLike } from './model/tab-arbiter.ts'

/**
 * The tab's presence, kept running for as long as its Matrix client runs, not as long as a chat component
 * is on screen: the client keeps syncing when the chat panel closes, and every sync sets presence, so
 * presence must keep tracking the user (or they would stay "online" for hours after leaving).
 *
 * One runtime per tab; starting it again for the same client and settings returns the running one (React's
 * double effects in development do not write twice).
 */
export interface PresenceRuntimeOptions {
  idleMinutes: number
  transport: PresenceTransportKind
  gatewayUrl: string | undefined
  openChannel: (name: string) => BroadcastChannelLike | null
}

/** Input this often at most reaches the state machine while online (pointer moves fire at 60 Hz). */
const ACTIVITY_THROTTLE_MS = 1_000
const ACTIVITY_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart', 'focus'] as const

export const openBroadcastChannel = (name: string): BroadcastChannelLike | null =>
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name)

interface Running {
  client: PresenceClient
  key: string
  controller: PresenceController
  stop: () => void
}

let running: Running | null = null

/** A client that was stopped (logout, new session) no longer syncs: its presence stops with it. */
const isStopped = (client: PresenceClient) => (client as { clientRunning?: unknown }).clientRunning === false

export function startPresence(client: PresenceClient, opts: PresenceRuntimeOptions): PresenceController {
  const key = `${opts.idleMinutes}|${opts.transport}|${opts.gatewayUrl ?? ''}`
  if (running?.client === client && running.key === key) return running.controller
  stopPresence()

  const channelName = `node-console.presence.${client.getUserId() ?? 'anonymous'}`
  const controller = createPresenceController({
    clock: systemClock,
    transport: createPresenceTransport(client, opts.transport, opts.gatewayUrl),
    channel: opts.openChannel(channelName),
    reopenChannel: () => opts.openChannel(channelName),
    idleMs: opts.idleMinutes * 60_000,
    visible: document.visibilityState === 'visible',
  })

  const alive = () => {
    if (!isStopped(client)) return true
    stopPresence()
    return false
  }
  let lastForwarded = Number.NEGATIVE_INFINITY
  const onActivity = () => {
    const now = Date.now()
    // Throttled while online; the first input after idling always goes through at once.
    if (now - lastForwarded < ACTIVITY_THROTTLE_MS && controller.snapshot().local === 'online') return
    if (!alive()) return
    lastForwarded = now
    controller.input({ type: 'activity', at: now })
  }
  const onVisibility = () => {
    if (!alive()) return
    const visible = document.visibilityState === 'visible'
    controller.input({ type: visible ? 'visible' : 'hidden', at: Date.now() })
  }
  // Never `unload`/`beforeunload`: they break the back/forward cache and are unreliable on mobile.
  const onPageHide = () => {
    if (alive()) controller.pagehide()
  }
  const onPageShow = (e: PageTransitionEvent) => {
    if (alive()) controller.pageshow(e.persisted)
  }
  const passive: AddEventListenerOptions = { passive: true, capture: true }
  for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, passive)
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('pagehide', onPageHide)
  window.addEventListener('pageshow', onPageShow)

  running = {
    client,
    key,
    controller,
    stop: () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, passive)
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('pagehide', onPageHide)
      window.removeEventListener('pageshow', onPageShow)
      controller.dispose()
    },
  }
  return controller
}

/** Stops the tab's presence (the client is gone); the next `startPresence` begins afresh. */
export function stopPresence(): void {
  const r = running
  running = null
  r?.stop()
}
