import { DEMO_ROOM_ID, DEMO_SERVER_NAME } from '@/lib/matrix/demo-homeserver.ts'

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

/**
 * The room's event log and state, and the one stream position every change moves (events, presence, typing,
 * receipts), which sync tokens count. Long-polling syncs wait here for the next change.
 */
export class RoomLog {
  readonly roomId = DEMO_ROOM_ID
  readonly events: SimEvent[] = []
  private readonly state = new Map<string, SimEvent>()
  private stream = 0
  private eventSeq = 0
  private waiters = new Set<() => void>()

  constructor(readonly now: () => number) {}

  get position() {
    return this.stream
  }

  /** Moves the stream on for a change that is not an event, and wakes the waiting syncs. */
  tick(): number {
    const at = ++this.stream
    this.wake()
    return at
  }

  append(e: {
    type: string
    sender: string
    content: Record<string, unknown>
    ts?: number
    stateKey?: string
    txnId?: string
    token?: string
  }): SimEvent {
    const ev: SimEvent = {
      event_id: `$e${++this.eventSeq}:${DEMO_SERVER_NAME}`,
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

  stateEvent(type: string, stateKey: string): SimEvent | undefined {
    return this.state.get(`${type}|${stateKey}`)
  }

  stateEvents(): SimEvent[] {
    return [...this.state.values()]
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

  wake() {
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
}
