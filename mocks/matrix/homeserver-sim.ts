import {
  DEMO_ROOM_ALIAS,
  DEMO_ROOM_ID,
  DEMO_SERVER_NAME,
  DEMO_PASSWORD,
} from '@/lib/matrix/demo-homeserver.ts'
import { seedHistory, TEAMMATES } from './sim-seed.ts'

/**
 * An in-memory homeserver with one room: just what matrix-js-sdk needs for the chat and presence
 * (login, sync with long-poll, send with idempotent txn ids, typing, receipts, presence, back-pagination,
 * members). Served by MSW (`matrix-handlers.ts`) in the demo and in component tests.
 */

export interface SimEvent {
  event_id: string
  type: string
  sender: string
  content: Record<string, unknown>
  origin_server_ts: number
  room_id: string
  state_key?: string
  /** Stream position: sync tokens count these. */
  stream: number
  /** `${token}|${txnId}`: the same send retried answers the same event (no duplicate). */
  txnKey?: string
  txnId?: string
  senderToken?: string
}

interface Presence {
  presence: 'online' | 'unavailable' | 'offline'
  lastActiveTs: number
  statusMsg?: string
  stream: number
}

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly errcode: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

export interface SimOptions {
  now?: () => number
  historySize?: number
  seed?: number
}

export const userId = (localpart: string) => `@${localpart}:${DEMO_SERVER_NAME}`

export class HomeserverSim {
  readonly roomId = DEMO_ROOM_ID
  readonly alias = DEMO_ROOM_ALIAS
  readonly now: () => number
  private stream = 0
  private eventSeq = 0
  private deviceSeq = 0
  readonly events: SimEvent[] = []
  private readonly state = new Map<string, SimEvent>()
  readonly tokens = new Map<string, { userId: string; deviceId: string }>()
  private readonly presence = new Map<string, Presence>()
  private typing = new Map<string, number>()
  private typingStream = 0
  private receipts = new Map<string, { eventId: string; ts: number }>()
  private receiptStream = 0
  readonly displaynames = new Map<string, string>()
  private waiters = new Set<() => void>()
  /** Counts of requests by kind, for the few tests where the request is the product (typing throttle). */
  readonly requests = { typing: [] as { userId: string; typing: boolean }[], send: 0 }

  constructor(opts: SimOptions = {}) {
    this.now = opts.now ?? Date.now
    const t0 = this.now()
    const creator = userId(TEAMMATES[0].localpart)
    this.addState('m.room.create', '', creator, { creator, room_version: '10' }, t0 - 5 * 86_400_000)
    for (const m of TEAMMATES) {
      this.displaynames.set(userId(m.localpart), m.displayname)
      this.addState(
        'm.room.member',
        userId(m.localpart),
        userId(m.localpart),
        { membership: 'join', displayname: m.displayname },
        t0 - 5 * 86_400_000,
      )
    }
    this.addState('m.room.name', '', creator, { name: 'Ops' }, t0 - 5 * 86_400_000)
    this.addState('m.room.join_rules', '', creator, { join_rule: 'public' }, t0 - 5 * 86_400_000)
    this.addState('m.room.canonical_alias', '', creator, { alias: this.alias }, t0 - 5 * 86_400_000)
    for (const m of seedHistory(opts.historySize ?? 300, t0, opts.seed)) {
      this.append({ type: m.type, sender: userId(m.sender), content: m.content, ts: m.ts })
    }
    this.presence.set(userId('olena'), {
      presence: 'online',
      lastActiveTs: t0 - 30_000,
      stream: ++this.stream,
    })
    this.presence.set(userId('taras'), {
      presence: 'unavailable',
      lastActiveTs: t0 - 12 * 60_000,
      stream: ++this.stream,
    })
  }

  // ---- events ---------------------------------------------------------------------------------------

  private nextEventId() {
    return `$e${++this.eventSeq}:${DEMO_SERVER_NAME}`
  }

  private append(e: {
    type: string
    sender: string
    content: Record<string, unknown>
    ts?: number
    stateKey?: string
    txnId?: string
    token?: string
  }): SimEvent {
    const ev: SimEvent = {
      event_id: this.nextEventId(),
      type: e.type,
      sender: e.sender,
      content: e.content,
      origin_server_ts: e.ts ?? this.now(),
      room_id: this.roomId,
      stream: ++this.stream,
      ...(e.stateKey !== undefined ? { state_key: e.stateKey } : {}),
      ...(e.txnId && e.token
        ? { txnKey: `${e.token}|${e.txnId}`, txnId: e.txnId, senderToken: e.token }
        : {}),
    }
    this.events.push(ev)
    if (ev.state_key !== undefined) this.state.set(`${ev.type}|${ev.state_key}`, ev)
    this.wake()
    return ev
  }

  private addState(
    type: string,
    stateKey: string,
    sender: string,
    content: Record<string, unknown>,
    ts: number,
  ) {
    return this.append({ type, sender, content, ts, stateKey })
  }

  /** The wire form of an event for a reader (`unsigned.transaction_id` only for the sender's own token). */
  wire(ev: SimEvent, token?: string): Record<string, unknown> {
    return {
      event_id: ev.event_id,
      type: ev.type,
      sender: ev.sender,
      content: ev.content,
      origin_server_ts: ev.origin_server_ts,
      room_id: ev.room_id,
      ...(ev.state_key !== undefined ? { state_key: ev.state_key } : {}),
      unsigned: {
        age: Math.max(0, this.now() - ev.origin_server_ts),
        ...(ev.txnId && ev.senderToken === token ? { transaction_id: ev.txnId } : {}),
      },
    }
  }

  isMember(user: string): boolean {
    return this.state.get(`m.room.member|${user}`)?.content.membership === 'join'
  }

  memberEvents(): SimEvent[] {
    return [...this.state.values()].filter((e) => e.type === 'm.room.member')
  }

  stateEvents(): SimEvent[] {
    return [...this.state.values()]
  }

  // ---- auth ---------------------------------------------------------------------------------------

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
    this.wake()
  }

  // ---- room actions -----------------------------------------------------------------------------

  join(user: string) {
    if (!this.isMember(user)) {
      const displayname = this.displaynames.get(user) ?? user.slice(1).split(':')[0]
      this.append({
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
    const existing = this.events.find((e) => e.txnKey === `${token}|${txnId}`)
    if (existing) return { event_id: existing.event_id }
    if (!this.isMember(user)) throw new SimError(403, 'M_FORBIDDEN', 'You are not in the room')
    const ev = this.append({ type, sender: user, content, txnId, token })
    this.setTyping(user, false)
    this.markActive(user)
    return { event_id: ev.event_id }
  }

  /** A teammate (or a test) posts a message. */
  post(localpart: string, body: string, msgtype = 'm.text', extra: Record<string, unknown> = {}) {
    const user = userId(localpart)
    this.setTyping(user, false)
    this.markActive(user)
    return this.append({ type: 'm.room.message', sender: user, content: { msgtype, body, ...extra } })
  }

  /** A raw event of any type (placeholders in tests). */
  postRaw(localpart: string, type: string, content: Record<string, unknown>) {
    return this.append({ type, sender: userId(localpart), content })
  }

  redact(user: string, eventId: string) {
    const ev = this.events.find((e) => e.event_id === eventId)
    if (ev) ev.content = {}
    const r = this.append({ type: 'm.room.redaction', sender: user, content: { redacts: eventId } })
    return { event_id: r.event_id }
  }

  setTyping(user: string, typing: boolean, timeoutMs = 30_000) {
    const was = this.typing.has(user)
    if (typing) this.typing.set(user, this.now() + timeoutMs)
    else this.typing.delete(user)
    if (was !== typing) {
      this.typingStream = ++this.stream
      this.wake()
    }
  }

  typingUsers(): string[] {
    const now = this.now()
    for (const [u, until] of this.typing) if (until < now) this.typing.delete(u)
    return [...this.typing.keys()]
  }

  receipt(user: string, eventId: string) {
    this.receipts.set(user, { eventId, ts: this.now() })
    this.receiptStream = ++this.stream
    this.markActive(user)
    this.wake()
  }

  // ---- presence ---------------------------------------------------------------------------------

  setPresence(user: string, presence: Presence['presence'], statusMsg?: string) {
    const prev = this.presence.get(user)
    const lastActiveTs = presence === 'online' ? this.now() : (prev?.lastActiveTs ?? this.now())
    this.presence.set(user, {
      presence,
      lastActiveTs,
      stream: ++this.stream,
      ...(statusMsg ? { statusMsg } : {}),
    })
    this.wake()
  }

  private markActive(user: string) {
    const p = this.presence.get(user)
    if (!p || p.presence !== 'online') this.setPresence(user, 'online', p?.statusMsg)
    else p.lastActiveTs = this.now()
  }

  getPresence(user: string) {
    const p = this.presence.get(user)
    if (!p) throw new SimError(404, 'M_NOT_FOUND', 'Presence unknown')
    return {
      presence: p.presence,
      last_active_ago: Math.max(0, this.now() - p.lastActiveTs),
      currently_active: p.presence === 'online' && this.now() - p.lastActiveTs < 60_000,
      ...(p.statusMsg ? { status_msg: p.statusMsg } : {}),
    }
  }

  // ---- sync -------------------------------------------------------------------------------------

  get position() {
    return this.stream
  }

  private wake() {
    const w = [...this.waiters]
    this.waiters.clear()
    for (const f of w) f()
  }

  /** Resolves when something changes after `since`, or after `timeoutMs`, or when aborted. */
  waitForChange(since: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.stream > since || timeoutMs <= 0) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.waiters.delete(done)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, timeoutMs)
      this.waiters.add(done)
      signal?.addEventListener('abort', done)
    })
  }

  /** A `/sync` answer for `user` since stream position `since` (null: initial sync). */
  sync(user: string, token: string, since: number | null, limit: number, setPresence?: string | null) {
    if (setPresence !== 'offline') {
      // Like Synapse: every sync sets presence (default online) unless told "offline" (= don't touch).
      const want = setPresence === 'unavailable' ? 'unavailable' : 'online'
      const p = this.presence.get(user)
      if (!p || p.presence !== want) this.setPresence(user, want, p?.statusMsg)
    }
    const joined = this.isMember(user)
    const rooms: Record<string, unknown> = {}
    if (joined) {
      const joinEv = this.state.get(`m.room.member|${user}`)
      const freshJoin = since !== null && joinEv !== undefined && joinEv.stream > since
      const newEvents = this.events.filter((e) => since === null || freshJoin || e.stream > since)
      const limited = newEvents.length > limit || since === null || freshJoin
      const timeline = newEvents.slice(-limit)
      const first = timeline[0]
      const firstIndex = first ? this.events.indexOf(first) : this.events.length
      const room: Record<string, unknown> = {
        timeline: {
          events: timeline.map((e) => this.wire(e, token)),
          limited,
          prev_batch: `t${firstIndex}`,
        },
        state: {
          events:
            since === null || freshJoin || limited
              ? this.stateEvents()
                  .filter((s) => !timeline.includes(s))
                  .map((e) => this.wire(e, token))
              : [],
        },
        ephemeral: { events: this.ephemeral(since) },
        account_data: { events: [] },
        unread_notifications: { notification_count: 0, highlight_count: 0 },
        summary: {
          'm.joined_member_count': this.memberEvents().filter((e) => e.content.membership === 'join').length,
        },
      }
      rooms[this.roomId] = room
    }
    const presenceEvents = [...this.presence.entries()]
      .filter(([, p]) => since === null || p.stream > since)
      .map(([u]) => ({ type: 'm.presence', sender: u, content: { ...this.getPresence(u) } }))
    return {
      next_batch: `s${this.stream}`,
      rooms: { join: rooms, invite: {}, leave: {} },
      presence: { events: presenceEvents },
      account_data: { events: [] },
      to_device: { events: [] },
      device_lists: { changed: [], left: [] },
      device_one_time_keys_count: {},
    }
  }

  private ephemeral(since: number | null) {
    const out: Record<string, unknown>[] = []
    if (since === null || this.typingStream > since) {
      out.push({ type: 'm.typing', content: { user_ids: this.typingUsers() } })
    }
    if (since === null || this.receiptStream > since) {
      const content: Record<string, Record<string, Record<string, { ts: number }>>> = {}
      for (const [u, r] of this.receipts) {
        content[r.eventId] ??= { 'm.read': {} }
        const read = content[r.eventId]?.['m.read']
        if (read) read[u] = { ts: r.ts }
      }
      out.push({ type: 'm.receipt', content })
    }
    return out
  }

  /** `/messages` backwards from a `t<index>` token. */
  messages(from: string | null, limit: number, token: string) {
    const start = from && /^t\d+$/.test(from) ? Number(from.slice(1)) : this.events.length
    const lo = Math.max(0, start - limit)
    const chunk = this.events.slice(lo, start).reverse()
    return {
      chunk: chunk.map((e) => this.wire(e, token)),
      start: `t${start}`,
      ...(lo > 0 ? { end: `t${lo}` } : {}),
    }
  }
}
