import '@/lib/csp/zod-without-eval.ts'
import { z } from 'zod'
import type { Clock } from './clock.ts'
import type { PresenceState } from './presence-machine.ts'

/**
 * Several tabs of one user share one presence on the server (and one `rc_presence` budget). The tabs tell
 * each other their local state over a `BroadcastChannel`; each computes the same effective state and the same
 * leader, and only the leader writes.
 *
 * - Effective state: online while any tab is online; unavailable while some visible tab is idle (or the user
 *   chose away) and none is online; offline only when every tab is hidden or closed.
 * - Leader: visible tabs first (a hidden tab's timers are throttled and it may be frozen), then the oldest,
 *   then the smallest id: deterministic, so every tab agrees without a vote. A tab that closes says goodbye;
 *   a tab that goes silent (crashed, frozen) is forgotten after `silentMs`.
 */

/** What a tab tells the others. */
export interface TabReport {
  id: string
  startedAt: number
  state: PresenceState
  visible: boolean
}

/** The subset of `BroadcastChannel` the arbiter uses, so tests can pass an in-memory one. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void
  removeEventListener(type: 'message', listener: (ev: MessageEvent) => void): void
  close(): void
}

const PresenceStateSchema = z.enum(['online', 'unavailable', 'offline'])
const TabReportSchema = z.object({
  id: z.string().min(1),
  startedAt: z.number(),
  state: PresenceStateSchema,
  visible: z.boolean(),
})

/** Messages between tabs. Another tab may run an older build: anything unexpected is ignored. */
const TabMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), tab: TabReportSchema }),
  z.object({ type: z.literal('state'), tab: TabReportSchema }),
  z.object({ type: z.literal('bye'), id: z.string() }),
  z.object({ type: z.literal('wrote'), id: z.string(), state: PresenceStateSchema, at: z.number() }),
  z.object({ type: z.literal('blocked'), id: z.string(), until: z.number() }),
  z.object({ type: z.literal('choice'), id: z.string(), away: z.boolean(), at: z.number() }),
])
export type TabMessage = z.infer<typeof TabMessageSchema>

const rank: Record<PresenceState, number> = { offline: 0, unavailable: 1, online: 2 }

/** The user's state over all their tabs: the highest (online beats unavailable beats offline). */
export function combineTabs(tabs: readonly Pick<TabReport, 'state'>[]): PresenceState {
  let best: PresenceState = 'offline'
  for (const t of tabs) if (rank[t.state] > rank[best]) best = t.state
  return best
}

/** The tab that writes: visible first, then the oldest, then the smallest id. */
export function electLeader(tabs: readonly TabReport[]): string | null {
  let best: TabReport | null = null
  for (const t of tabs) {
    if (
      !best ||
      (t.visible && !best.visible) ||
      (t.visible === best.visible &&
        (t.startedAt < best.startedAt || (t.startedAt === best.startedAt && t.id < best.id)))
    )
      best = t
  }
  return best?.id ?? null
}

export interface TabArbiterOptions {
  clock: Clock
  /** null: this tab is alone (no BroadcastChannel in this browser, or a test). */
  channel: BroadcastChannelLike | null
  /**
   * Opens a fresh channel for a page restored from the back/forward cache. When given, the channel is closed
   * on leaving, so an open channel neither keeps the page out of the cache nor gets it evicted by a message.
   */
  reopen?: () => BroadcastChannelLike | null
  id: string
  local: Omit<TabReport, 'id' | 'startedAt'>
  /** How long a new tab listens for the others before it may lead (so it does not write over them). */
  settleMs?: number
  heartbeatMs?: number
  silentMs?: number
  /** Something changed: effective state, leader, or a write/choice from another tab. */
  onMessage?: (msg: TabMessage) => void
  onChange?: () => void
}

export interface TabArbiter {
  readonly id: string
  setLocal(local: Omit<TabReport, 'id' | 'startedAt'>): void
  effective(): PresenceState
  /** The user's state if this tab were gone (for the write on close). */
  effectiveWithoutMe(): PresenceState
  isLeader(): boolean
  peerCount(): number
  /** Tells the other tabs. */
  announceWrite(state: PresenceState, at: number): void
  announceBlock(until: number): void
  announceChoice(away: boolean, at: number): void
  /** Heartbeats, silence checks and the end of the settling period. */
  tick(): void
  nextWakeAt(): number | null
  /** This tab is going away (pagehide): goodbye to the others. */
  leave(): void
  /** A page restored from the back/forward cache joins again. */
  rejoin(): void
  /** Leaves for good and closes the channel. */
  dispose(): void
}

export function createTabArbiter(opts: TabArbiterOptions): TabArbiter {
  const { clock, id } = opts
  let channel = opts.channel
  const settleMs = opts.settleMs ?? 300
  const heartbeatMs = opts.heartbeatMs ?? 30_000
  const silentMs = opts.silentMs ?? 150_000
  const startedAt = clock.now()

  let self: TabReport = { id, startedAt, ...opts.local }
  const peers = new Map<string, { tab: TabReport; seenAt: number }>()
  let joined = false
  let settledAt = startedAt
  let lastHeartbeatAt = startedAt

  const post = (msg: TabMessage) => {
    if (joined) channel?.postMessage(msg)
  }
  const all = () => [self, ...[...peers.values()].map((p) => p.tab)]

  const onMessage = (ev: MessageEvent) => {
    if (!joined) return
    const parsed = TabMessageSchema.safeParse(ev.data)
    if (!parsed.success) return
    const msg = parsed.data
    const now = clock.now()
    switch (msg.type) {
      case 'hello':
        peers.set(msg.tab.id, { tab: msg.tab, seenAt: now })
        post({ type: 'state', tab: self })
        break
      case 'state':
        peers.set(msg.tab.id, { tab: msg.tab, seenAt: now })
        break
      case 'bye':
        peers.delete(msg.id)
        break
      case 'wrote':
      case 'blocked':
      case 'choice': {
        const p = peers.get(msg.id)
        if (p) p.seenAt = now
        break
      }
    }
    opts.onMessage?.(msg)
    opts.onChange?.()
  }

  const join = () => {
    if (joined) return
    joined = true
    channel?.addEventListener('message', onMessage)
    const now = clock.now()
    settledAt = channel ? now + settleMs : now
    lastHeartbeatAt = now
    post({ type: 'hello', tab: self })
  }
  join()

  function leave() {
    if (!joined) return
    post({ type: 'bye', id })
    joined = false
    channel?.removeEventListener('message', onMessage)
    peers.clear()
    if (opts.reopen) {
      channel?.close()
      channel = null
    }
  }

  return {
    id,
    setLocal(local) {
      const changed = local.state !== self.state || local.visible !== self.visible
      self = { ...self, ...local }
      if (changed) {
        lastHeartbeatAt = clock.now()
        post({ type: 'state', tab: self })
      }
    },
    effective: () => combineTabs(all()),
    effectiveWithoutMe: () => combineTabs([...peers.values()].map((p) => p.tab)),
    isLeader: () => joined && clock.now() >= settledAt && electLeader(all()) === id,
    peerCount: () => peers.size,
    announceWrite: (state, at) => post({ type: 'wrote', id, state, at }),
    announceBlock: (until) => post({ type: 'blocked', id, until }),
    announceChoice: (away, at) => post({ type: 'choice', id, away, at }),
    tick() {
      if (!joined) return
      const now = clock.now()
      let dropped = false
      for (const [peerId, p] of peers) {
        if (now - p.seenAt >= silentMs) {
          peers.delete(peerId)
          dropped = true
        }
      }
      // Alone, there is nobody to keep informed: no heartbeat, no wake-ups.
      if (peers.size > 0 && now - lastHeartbeatAt >= heartbeatMs) {
        lastHeartbeatAt = now
        post({ type: 'state', tab: self })
      }
      if (dropped) opts.onChange?.()
    },
    nextWakeAt() {
      if (!joined) return null
      const now = clock.now()
      let next: number | null = now < settledAt ? settledAt : null
      const consider = (t: number) => {
        next = next === null ? t : Math.min(next, t)
      }
      if (peers.size > 0) {
        consider(lastHeartbeatAt + heartbeatMs)
        for (const p of peers.values()) consider(p.seenAt + silentMs)
      }
      return next
    },
    leave,
    rejoin() {
      if (joined) return
      if (opts.reopen) channel = opts.reopen()
      join()
    },
    dispose() {
      leave()
      channel?.close()
      channel = null
    },
  }
}
