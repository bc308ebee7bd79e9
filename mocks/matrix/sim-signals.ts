import { SimError } from './sim-error.ts'
import type { RoomLog } from './sim-room-log.ts'

interface Presence {
  presence: 'online' | 'unavailable' | 'offline'
  lastActiveTs: number
  statusMsg?: string
  stream: number
}

/**
 * What members signal besides events: presence, typing and read receipts. Each change moves the room's
 * stream, so a waiting sync wakes for it; `ephemeral` and `presenceEvents` give what changed since a token.
 */
export class RoomSignals {
  private readonly presence = new Map<string, Presence>()
  private typing = new Map<string, number>()
  private typingStream = 0
  private receipts = new Map<string, { eventId: string; ts: number }>()
  private receiptStream = 0

  constructor(private readonly log: RoomLog) {}

  setPresence(user: string, presence: Presence['presence'], statusMsg?: string) {
    const prev = this.presence.get(user)
    const now = this.log.now()
    const lastActiveTs = presence === 'online' ? now : (prev?.lastActiveTs ?? now)
    this.presence.set(user, {
      presence,
      lastActiveTs,
      stream: this.log.tick(),
      ...(statusMsg ? { statusMsg } : {}),
    })
  }

  /** Seeds a member's presence as it stood at `lastActiveTs`. */
  seedPresence(user: string, presence: Presence['presence'], lastActiveTs: number) {
    this.presence.set(user, { presence, lastActiveTs, stream: this.log.tick() })
  }

  presenceOf(user: string): Presence | undefined {
    return this.presence.get(user)
  }

  markActive(user: string) {
    const p = this.presence.get(user)
    if (!p || p.presence !== 'online') this.setPresence(user, 'online', p?.statusMsg)
    else p.lastActiveTs = this.log.now()
  }

  getPresence(user: string) {
    const p = this.presence.get(user)
    if (!p) throw new SimError(404, 'M_NOT_FOUND', 'Presence unknown')
    const now = this.log.now()
    return {
      presence: p.presence,
      last_active_ago: Math.max(0, now - p.lastActiveTs),
      currently_active: p.presence === 'online' && now - p.lastActiveTs < 60_000,
      ...(p.statusMsg ? { status_msg: p.statusMsg } : {}),
    }
  }

  presenceEvents(since: number | null) {
    return [...this.presence.entries()]
      .filter(([, p]) => since === null || p.stream > since)
      .map(([u]) => ({ type: 'm.presence', sender: u, content: { ...this.getPresence(u) } }))
  }

  setTyping(user: string, typing: boolean, timeoutMs = 30_000) {
    const was = this.typing.has(user)
    if (typing) this.typing.set(user, this.log.now() + timeoutMs)
    else this.typing.delete(user)
    if (was !== typing) this.typingStream = this.log.tick()
  }

  typingUsers(): string[] {
    const now = this.log.now()
    for (const [u, until] of this.typing) if (until < now) this.typing.delete(u)
    return [...this.typing.keys()]
  }

  receipt(user: string, eventId: string) {
    this.receipts.set(user, { eventId, ts: this.log.now() })
    this.receiptStream = this.log.tick()
    this.markActive(user)
  }

  /** The room's typing and receipt events changed since `since` (all of them on an initial sync). */
  ephemeral(since: number | null) {
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
}
