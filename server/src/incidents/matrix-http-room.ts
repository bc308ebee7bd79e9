import { z } from 'zod'
import { RoomEventSchema, type RoomEvent } from '../../../src/entities/incident/model/room-record.ts'
import type { MatrixRoomPort, SyncBatch } from './matrix-room-port.ts'

/** A Matrix error as the homeserver sent it: the status, its `errcode`, and how long to wait on 429. */
export class MatrixError extends Error {
  status: number
  errcode: string | null
  retryAfterMs: number | null
  constructor(status: number, errcode: string | null, message: string, retryAfterMs: number | null) {
    super(message)
    this.status = status
    this.errcode = errcode
    this.retryAfterMs = retryAfterMs
  }
}

const ErrorBody = z.object({
  errcode: z.string().optional(),
  error: z.string().optional(),
  retry_after_ms: z.number().optional(),
})
const Events = z.array(z.unknown()).catch([])

/** Each event validated apart: one unreadable event is dropped, the batch is kept. */
function events(list: unknown): RoomEvent[] {
  const out: RoomEvent[] = []
  for (const raw of Events.parse(list)) {
    const e = RoomEventSchema.safeParse(raw)
    if (e.success) out.push(e.data)
  }
  return out
}

const SyncSchema = z.object({
  next_batch: z.string(),
  rooms: z
    .object({
      join: z
        .record(
          z.string(),
          z.object({
            timeline: z.object({ events: z.unknown() }).partial().optional(),
            state: z.object({ events: z.unknown() }).partial().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  presence: z.object({ events: z.unknown() }).partial().optional(),
})

const PresenceEvent = z.object({
  type: z.literal('m.presence'),
  sender: z.string(),
  content: z.object({ presence: z.enum(['online', 'unavailable', 'offline']) }),
})

/** The client-server API over plain fetch, zod at the boundary. No SDK: the bot needs a dozen routes. */
export function createMatrixHttpRoom(opts: {
  homeserverUrl: string
  accessToken: string
  room: string
}): MatrixRoomPort {
  let roomId: string | null = opts.room.startsWith('!') ? opts.room : null
  const api = async (
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<unknown> => {
    const res = await fetch(`${opts.homeserverUrl}/_matrix/client/v3${path}`, {
      method,
      headers: { Authorization: `Bearer ${opts.accessToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? AbortSignal.timeout(30_000),
    })
    const json: unknown = await res.json().catch(() => null)
    if (!res.ok) {
      const e = ErrorBody.safeParse(json)
      const d = e.success ? e.data : {}
      throw new MatrixError(
        res.status,
        d.errcode ?? null,
        `${method} ${path.split('?')[0] ?? ''}: ${res.status} ${d.errcode ?? ''} ${d.error ?? ''}`,
        d.retry_after_ms ?? null,
      )
    }
    return json
  }
  const room = () => {
    if (roomId === null) throw new Error('join() first: the room alias is not resolved yet')
    return encodeURIComponent(roomId)
  }

  return {
    async whoami() {
      return z.object({ user_id: z.string() }).parse(await api('GET', '/account/whoami')).user_id
    },
    async join() {
      const r = z
        .object({ room_id: z.string() })
        .parse(await api('POST', `/join/${encodeURIComponent(opts.room)}`, {}))
      roomId = r.room_id
      return roomId
    },
    async send(content, txnId) {
      const r = await api('PUT', `/rooms/${room()}/send/m.room.message/${encodeURIComponent(txnId)}`, content)
      return z.object({ event_id: z.string() }).parse(r).event_id
    },
    async history(limit) {
      const out: RoomEvent[] = []
      let from: string | null = null
      while (out.length < limit) {
        const q = new URLSearchParams({ dir: 'b', limit: String(Math.min(500, limit - out.length)) })
        if (from !== null) q.set('from', from)
        const page = z
          .object({ chunk: z.unknown(), end: z.string().optional() })
          .parse(await api('GET', `/rooms/${room()}/messages?${q.toString()}`))
        const chunk = events(page.chunk)
        out.push(...chunk)
        if (page.end === undefined || chunk.length === 0) break
        from = page.end
      }
      return out.reverse()
    },
    async sync(since, timeoutMs, signal) {
      const filter = JSON.stringify({
        room: { rooms: [roomId], timeline: { limit: 100 }, state: { lazy_load_members: false } },
        account_data: { not_types: ['*'] },
      })
      const q = new URLSearchParams({
        timeout: String(since === null ? 0 : timeoutMs),
        filter,
        set_presence: 'online',
      })
      if (since !== null) q.set('since', since)
      const s = SyncSchema.parse(
        await api(
          'GET',
          `/sync?${q.toString()}`,
          undefined,
          signal ?? AbortSignal.timeout(timeoutMs + 30_000),
        ),
      )
      const mine = roomId === null ? undefined : s.rooms?.join?.[roomId]
      const presence: SyncBatch['presence'] = []
      for (const raw of Events.parse(s.presence?.events)) {
        const p = PresenceEvent.safeParse(raw)
        if (p.success) presence.push({ userId: p.data.sender, presence: p.data.content.presence })
      }
      return {
        next: s.next_batch,
        timeline: events(mine?.timeline?.events),
        state: events(mine?.state?.events),
        presence,
      }
    },
    async members() {
      const r = z
        .object({ joined: z.record(z.string(), z.unknown()) })
        .parse(await api('GET', `/rooms/${room()}/joined_members`))
      return Object.keys(r.joined)
    },
  }
}
