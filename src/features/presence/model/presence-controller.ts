import type { Clock } from './clock.ts'
import {
  activityAllowed,
  initialPresence,
  presenceReducer,
  type PresenceInput,
  type PresenceMachineState,
  type PresenceState,
} from './presence-machine.ts'
import type { PresenceTransport } from './presence-transport.ts'
import { createPresenceWriter, type WriterStats } from './presence-writer.ts'
import { createTabArbiter, type BroadcastChannelLike, type TabMessage } from './tab-arbiter.ts'

/**
 * One tab's presence: the state machine, the arbitration between tabs and the writer, run by one timer set to
 * the earliest deadline of the three. Free of the DOM so the hook, the tests and the simulated hour share it.
 */
export interface PresenceSnapshot {
  /** This tab's own state. */
  local: PresenceState
  /** The user's state over all their tabs: what the others see. */
  effective: PresenceState
  /** The user chose to appear away. */
  away: boolean
  /** This tab is the one that writes. */
  leader: boolean
  /** Typing notices and read receipts may be sent (they would flip the user back online). */
  activityAllowed: boolean
  /** The homeserver refused the token: presence writes have stopped. */
  unauthorized: boolean
}

export interface PresenceController {
  /** An input of the state machine (timestamps come from the clock when omitted). */
  input(input: PresenceInput): void
  /** The page is going away: one keepalive offline write if no other tab keeps the user here. */
  pagehide(): void
  /** The page came back from the back/forward cache. */
  pageshow(persisted: boolean): void
  chooseAway(): void
  chooseAuto(): void
  snapshot(): PresenceSnapshot
  subscribe(listener: () => void): () => void
  stats(): WriterStats
  dispose(): void
}

export interface PresenceControllerOptions {
  clock: Clock
  transport: PresenceTransport
  channel: BroadcastChannelLike | null
  /** Opens a new channel after a restore from the back/forward cache (the old one is closed on pagehide). */
  reopenChannel?: () => BroadcastChannelLike | null
  idleMs: number
  /** How long a hidden page still counts as here (default {@link HIDE_GRACE_MS}); 0 hides at once. */
  hideGraceMs?: number
  /** Whether the page is visible when the controller starts. */
  visible: boolean
  tabId?: string
  minIntervalMs?: number
  settleMs?: number
  heartbeatMs?: number
  silentMs?: number
}

/**
 * A hidden page stays online this long. Synapse allows one presence PUT per 10 s per user: an "offline"
 * written on every tab switch would hold back the "online" of the return by up to 10 s, and use up the one
 * write a closing tab needs.
 */
export const HIDE_GRACE_MS = 10_000

const randomId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : Math.random().toString(36).slice(2)

export function createPresenceController(opts: PresenceControllerOptions): PresenceController {
  const { clock, transport } = opts
  const config = { idleMs: opts.idleMs, hideGraceMs: opts.hideGraceMs ?? HIDE_GRACE_MS }
  const listeners = new Set<() => void>()
  let machine: PresenceMachineState = initialPresence(clock.now(), opts.visible, config)
  let disposed = false
  let cancelTimer: (() => void) | null = null
  let timerAt: number | null = null
  let syncPresence: PresenceState | null = null
  let snap: PresenceSnapshot | null = null

  const writer = createPresenceWriter({
    clock,
    transport,
    ...(opts.minIntervalMs === undefined ? {} : { minIntervalMs: opts.minIntervalMs }),
    onWrite: (state, at) => {
      arbiter.announceWrite(state, at)
    },
    onBlocked: (until) => {
      arbiter.announceBlock(until)
    },
    onSettled: () => {
      update()
    },
  })
  // A client that syncs has made the user online already (`set_presence` defaults to online): an online tab
  // has nothing to write at start.
  writer.assume('online')

  const onMessage = (msg: TabMessage) => {
    if (msg.type === 'wrote') writer.noteRemoteWrite(msg.state, msg.at)
    else if (msg.type === 'blocked') writer.noteRemoteBlock(msg.until)
    else if (msg.type === 'choice')
      machine = presenceReducer(machine, { type: 'remoteChoice', at: msg.at, away: msg.away }, config)
    // A new tab's first /sync puts the user online, whatever the others had written.
    else if (msg.type === 'hello') writer.assume('online')
  }

  const arbiter = createTabArbiter({
    clock,
    channel: opts.channel,
    ...(opts.reopenChannel ? { reopen: opts.reopenChannel } : {}),
    id: opts.tabId ?? randomId(),
    local: { state: machine.state, visible: machine.visible },
    ...(opts.settleMs === undefined ? {} : { settleMs: opts.settleMs }),
    ...(opts.heartbeatMs === undefined ? {} : { heartbeatMs: opts.heartbeatMs }),
    ...(opts.silentMs === undefined ? {} : { silentMs: opts.silentMs }),
    onMessage,
    onChange: () => {
      update()
    },
  })

  function schedule() {
    const candidates = [machine.deadline, writer.nextWakeAt(), arbiter.nextWakeAt()].filter(
      (t): t is number => t !== null,
    )
    const next = candidates.length > 0 ? Math.min(...candidates) : null
    if (next === timerAt) return
    cancelTimer?.()
    cancelTimer = null
    timerAt = next
    if (next === null) return
    cancelTimer = clock.after(next - clock.now(), () => {
      cancelTimer = null
      timerAt = null
      // Throttled timers fire late: the machine compares the clock with the last input, not the timer.
      machine = presenceReducer(machine, { type: 'tick', at: clock.now() }, config)
      arbiter.tick()
      update()
    })
  }

  function update() {
    if (disposed) return
    arbiter.setLocal({ state: machine.state, visible: machine.visible && !machine.gone })
    const effective = arbiter.effective()
    // Every tab has its own /sync loop: each keeps it from undoing the user's state.
    if (effective !== syncPresence && !machine.gone) {
      syncPresence = effective
      transport.setSyncPresence(effective)
    }
    writer.want(arbiter.isLeader() ? effective : null)
    writer.pump()
    schedule()
    const next: PresenceSnapshot = {
      local: machine.state,
      effective,
      away: machine.away,
      leader: arbiter.isLeader(),
      activityAllowed: activityAllowed(machine),
      unauthorized: writer.stats().unauthorized,
    }
    if (!snap || (Object.keys(next) as (keyof PresenceSnapshot)[]).some((k) => next[k] !== snap?.[k])) {
      snap = next
      for (const l of listeners) l()
    }
  }

  const apply = (input: PresenceInput) => {
    machine = presenceReducer(machine, input, config)
    update()
  }

  update()

  return {
    input: apply,
    pagehide() {
      if (disposed) return
      machine = presenceReducer(machine, { type: 'pagehide', at: clock.now() }, config)
      // Another tab still open keeps the user here and writes what is needed; otherwise this is the last
      // chance to say offline (the other tabs may be frozen in the background). The write is announced
      // before this tab's new state, so a leader that hears "offline" already knows it is written.
      if (arbiter.effectiveWithoutMe() === 'offline') writer.writeOnClose()
      arbiter.setLocal({ state: 'offline', visible: false })
      arbiter.leave()
      writer.want(null)
      cancelTimer?.()
      cancelTimer = null
      timerAt = null
      update()
    },
    pageshow(persisted) {
      if (disposed || !persisted) return
      arbiter.rejoin()
      apply({ type: 'pageshow', at: clock.now(), persisted })
    },
    chooseAway() {
      const at = clock.now()
      arbiter.announceChoice(true, at)
      apply({ type: 'userChoseAway', at })
    },
    chooseAuto() {
      const at = clock.now()
      arbiter.announceChoice(false, at)
      apply({ type: 'userChoseAuto', at })
    },
    snapshot() {
      if (!snap) throw new Error('presence controller has no snapshot')
      return snap
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    stats: () => writer.stats(),
    dispose() {
      if (disposed) return
      disposed = true
      writer.want(null)
      cancelTimer?.()
      cancelTimer = null
      arbiter.dispose()
      listeners.clear()
    },
  }
}
