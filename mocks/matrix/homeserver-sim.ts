import { DEMO_ROOM_ALIAS, DEMO_SERVER_NAME, DEMO_PASSWORD } from '@/lib/matrix/demo-homeserver.ts'
import { SimError } from './sim-error.ts'
import { RoomLog, type SimEvent } from './sim-room-log.ts'
import { seedHistory, TEAMMATES } from './sim-seed.ts'
import { RoomSignals } from './sim-signals.ts'
import { memberEvents, messagesAnswer, syncAnswer } from './sim-sync.ts'

export interface SimOptions {
  now?: () => number
  historySize?: number
  seed?: number
}

export const userId = (localpart: string) => `@${localpart}:${DEMO_SERVER_NAME}`

const DAY = 86_400_000

/**
 * An in-memory homeserver with one room: just what matrix-js-sdk needs for the chat and presence
 * (login, sync with long-poll, send with idempotent txn ids, typing, receipts, presence, back-pagination,
 * members). Served by MSW (`matrix-handlers.ts`) in the demo and in component tests. This is its face:
 * accounts and room actions; the log (`sim-room-log.ts`), the signals (`sim-signals.ts`) and the sync
 * answers (`sim-sync.ts`) are its parts.
 */
export class HomeserverSim {
  readonly alias = DEMO_ROOM_ALIAS
  readonly now: () => number
  private readonly log: RoomLog
  private readonly signals: RoomSignals
  private deviceSeq = 0
  readonly tokens = new Map<string, { userId: string; deviceId: string }>()
  readonly displaynames = new Map<string, string>()
  /** Counts of requests by kind, for the few tests where the request is the product (typing throttle). */
  readonly requests = { typing: [] as { userId: string; typing: boolean }[], send: 0 }

  constructor(opts: SimOptions = {}) {
    this.now = opts.now ?? Date.now
    this.log = new RoomLog(this.now)
    this.signals = new RoomSignals(this.log)
    const t0 = this.now()
    const created = t0 - 5 * DAY
    const creator = userId(TEAMMATES[0].localpart)
    const state = (type: string, stateKey: string, sender: string, content: Record<string, unknown>) =>
      this.log.append({ type, sender, content, ts: created, stateKey })
    state('m.room.create', '', creator, { creator, room_version: '10' })
    for (const m of TEAMMATES) {
      const user = userId(m.localpart)
      this.displaynames.set(user, m.displayname)
      state('m.room.member', user, user, { membership: 'join', displayname: m.displayname })
    }
    state('m.room.name', '', creator, { name: 'Ops' })
    state('m.room.join_rules', '', creator, { join_rule: 'public' })
    state('m.room.canonical_alias', '', creator, { alias: this.alias })
    for (const m of seedHistory(opts.historySize ?? 300, t0, opts.seed)) {
      this.log.append({ type: m.type, sender: userId(m.sender), content: m.content, ts: m.ts })
    }
    this.signals.seedPresence(userId('olena'), 'online', t0 - 30_000)
    this.signals.seedPresence(userId('taras'), 'unavailable', t0 - 12 * 60_000)
  }

  get roomId() {
    return this.log.roomId
  }

  get events(): readonly SimEvent[] {
    return this.log.events
  }

  get position() {
    return this.log.position
  }

  /** The wire form of an event for a reader (`unsigned.transaction_id` only for the sender's own token). */
  wire(ev: SimEvent, token?: string) {
    return this.log.wire(ev, token)
  }

  isMember(user: string): boolean {
    return this.log.stateEvent('m.room.member', user)?.content.membership === 'join'
  }

  memberEvents(): SimEvent[] {
    return memberEvents(this.log)
  }

  stateEvents(): SimEvent[] {
    return this.log.stateEvents()
  }

  // ---- accounts -----------------------------------------------------------------------------------

  login(localpart: string, password: string, deviceId?: string) {
    if (password !== DEMO_PASSWORD || !/^[a-z0-9._=-]+$/i.test(localpart)) {
      throw new SimError(403, 'M_FORBIDDEN', 'Invalid username or password')
    }
    const user = userId(localpart.toLowerCase())
    const device = deviceId ?? `SIMDEV${++this.deviceSeq}`
    const token = `syt_${localpart}_${Math.random().toString(36).slice(2)}`
    this.tokens.set(token, { userId: user, deviceId: device })
    return { user_id: user, access_token: token, device_id: device, home_server: DEMO_SERVER_NAME }
  }

  auth(authorization: string | null) {
    const token = authorization?.replace(/^Bearer\s+/i, '') ?? ''
    const who = this.tokens.get(token)
    if (!who)
      throw new SimError(401, 'M_UNKNOWN_TOKEN', 'Invalid access token passed.', { soft_logout: false })
    return { ...who, token }
  }

  /** Revokes a token (logout, or a test simulating an expired session). */
  revoke(token: string) {
    this.tokens.delete(token)
  }

  /** Revokes every token of a user: what an admin does to a compromised account. */
  revokeUser(user: string) {
    for (const [t, w] of this.tokens) if (w.userId === user) this.tokens.delete(t)
    this.log.wake()
  }

  // ---- room actions -------------------------------------------------------------------------------

  join(user: string) {
    if (!this.isMember(user)) {
      const displayname = this.displaynames.get(user) ?? user.slice(1).split(':')[0]
      this.log.append({
        type: 'm.room.member',
        sender: user,
        stateKey: user,
        content: { membership: 'join', displayname },
      })
    }
    return { room_id: this.roomId }
  }

  send(user: string, token: string, type: string, content: Record<string, unknown>, txnId: string) {
    this.requests.send++
    const existing = this.log.events.find((e) => e.txnKey === `${token}|${txnId}`)
    if (existing) return { event_id: existing.event_id }
    if (!this.isMember(user)) throw new SimError(403, 'M_FORBIDDEN', 'You are not in the room')
    const ev = this.log.append({ type, sender: user, content, txnId, token })
    this.signals.setTyping(user, false)
    this.signals.markActive(user)
    return { event_id: ev.event_id }
  }

  /** A teammate (or a test) posts a message. */
  post(localpart: string, body: string, msgtype = 'm.text', extra: Record<string, unknown> = {}) {
    const user = userId(localpart)
    this.signals.setTyping(user, false)
    this.signals.markActive(user)
    return this.log.append({ type: 'm.room.message', sender: user, content: { msgtype, body, ...extra } })
  }

  /** A raw event of any type (placeholders in tests). */
  postRaw(localpart: string, type: string, content: Record<string, unknown>) {
    return this.log.append({ type, sender: userId(localpart), content })
  }

  redact(user: string, eventId: string) {
    const ev = this.log.events.find((e) => e.event_id === eventId)
    if (ev) ev.content = {}
    const r = this.log.append({ type: 'm.room.redaction', sender: user, content: { redacts: eventId } })
    return { event_id: r.event_id }
  }

  setTyping(user: string, typing: boolean, timeoutMs = 30_000) {
    this.signals.setTyping(user, typing, timeoutMs)
  }

  typingUsers(): string[] {
    return this.signals.typingUsers()
  }

  receipt(user: string, eventId: string) {
    this.signals.receipt(user, eventId)
  }

  setPresence(user: string, presence: 'online' | 'unavailable' | 'offline', statusMsg?: string) {
    this.signals.setPresence(user, presence, statusMsg)
  }

  getPresence(user: string) {
    return this.signals.getPresence(user)
  }

  // ---- sync ---------------------------------------------------------------------------------------

  /** Resolves when something changes after `since`, or after `timeoutMs`, or when aborted. */
  waitForChange(since: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return this.log.waitForChange(since, timeoutMs, signal)
  }

  /** A `/sync` answer for `user` since stream position `since` (null: initial sync). */
  sync(user: string, token: string, since: number | null, limit: number, setPresence?: string | null) {
    if (setPresence !== 'offline') {
      // Like Synapse: every sync sets presence (default online) unless told "offline" (= don't touch).
      const want = setPresence === 'unavailable' ? 'unavailable' : 'online'
      const p = this.signals.presenceOf(user)
      if (!p || p.presence !== want) this.signals.setPresence(user, want, p?.statusMsg)
    }
    return syncAnswer(this.log, this.signals, user, token, since, limit)
  }

  /** `/messages` backwards from a `t<index>` token. */
  messages(from: string | null, limit: number, token: string) {
    return messagesAnswer(this.log, from, limit, token)
  }
}
