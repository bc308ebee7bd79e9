import { randomBytes } from 'node:crypto'
import type { EventMessage } from 'fastify'
import type { Sql } from '../db/database.ts'
import { databaseReason } from '../db/db-errors.ts'
import { beatsSince, nodeStates, nodesRegisteredSince, type BeatRow } from '../db/events-repo.ts'
import { nodesByKeys } from '../db/nodes-repo.ts'
import { nodeJson, type NodeRow } from '../db/rows.ts'
import { formatCursor, parseCursor } from './event-cursor.ts'
import { StreamClient, type StreamClientLimits } from './stream-client.ts'

export interface EventHubOptions {
  pollMs: number
  /** How far back a late-committed row is still looked for (heartbeat times are set before the commit). */
  overlapMs: number
  /** Recent events kept for `Last-Event-ID` resumes (and loaded from the database at start). */
  replayMs: number
  replayMax: number
  batch: number
  keepAliveMs: number
  limits: StreamClientLimits
  log?: (message: string) => void
}

export const DEFAULT_HUB_OPTIONS: EventHubOptions = {
  pollMs: 1_000,
  overlapMs: 10_000,
  replayMs: 120_000,
  replayMax: 50_000,
  batch: 5_000,
  keepAliveMs: 15_000,
  limits: { maxQueued: 20_000, stallMs: 20_000 },
}

interface Published {
  seq: number
  /** The row time (ms) the event is about: resumes from another server run compare with it. */
  at: number
  message: EventMessage
}

export type EventHub = ReturnType<typeof createEventHub>

/**
 * The live stream's single reader: one database read per `pollMs` for all tabs, fanned out to every client.
 * Heartbeats come by time with an overlap and are de-duplicated by row id; a `node` event is a registration
 * or a change of a node's status, found in the same reads.
 */
export function createEventHub(sql: Sql, options: Partial<EventHubOptions> = {}) {
  const o = { ...DEFAULT_HUB_OPTIONS, ...options }
  const boot = randomBytes(4).toString('hex')
  const clients = new Set<StreamClient>()
  const ring: Published[] = []
  let seq = 0
  let watermark: number | null = null
  let registeredWatermark: number | null = null
  const seen = new Map<string, number>()
  const states = new Map<string, { status: string | null; registered: number | null }>()
  let timer: NodeJS.Timeout | null = null
  let keepAlive: NodeJS.Timeout | null = null
  let running = false
  let lastError: string | null = null
  let polls = 0

  function publish(event: string, at: number, data: unknown) {
    seq++
    const message: EventMessage = {
      id: formatCursor({ boot, seq, watermark: watermark ?? at }),
      event,
      data: JSON.stringify(data),
    }
    ring.push({ seq, at, message })
    const horizon = (watermark ?? at) - o.replayMs
    while (ring.length > o.replayMax || (ring[0] && ring[0].at < horizon && ring.length > 1)) ring.shift()
    // The first read fills the replay window from the database; nobody has seen it live, so nobody is sent it.
    if (polls > 0) for (const client of clients) client.offer(message)
  }

  function publishNode(row: NodeRow) {
    states.set(row.id, { status: row.status, registered: row.registered_at?.getTime() ?? null })
    publish('node', row.updated_at?.getTime() ?? watermark ?? Date.now(), nodeJson(row))
  }

  function publishBeat(b: BeatRow) {
    const at = b.ts.getTime()
    watermark = Math.max(watermark ?? at, at)
    seen.set(b.id, at)
    publish('heartbeat', at, {
      node_id: b.node_id,
      timestamp: b.ts.toISOString(),
      status: b.status,
      metrics: b.metrics,
    })
  }

  async function pollOnce(): Promise<boolean> {
    if (states.size === 0)
      for (const s of await nodeStates(sql))
        states.set(s.key, { status: s.status, registered: s.registered_at?.getTime() ?? null })
    const lower = watermark === null ? null : new Date(watermark - o.overlapMs)
    const beats = await beatsSince(sql, {
      lower,
      backfillSeconds: o.replayMs / 1000,
      seenIds: [...seen.keys()],
      limit: o.batch,
    })
    const changed = new Set<string>()
    for (const b of beats) {
      publishBeat(b)
      const state = states.get(b.key)
      if (!state || state.status !== b.status) changed.add(b.key)
    }
    if (watermark !== null) for (const [id, at] of seen) if (at <= watermark - o.overlapMs) seen.delete(id)
    const regLower = new Date((registeredWatermark ?? watermark ?? Date.now()) - o.overlapMs)
    for (const row of await nodesRegisteredSince(sql, regLower)) {
      const registered = row.registered_at?.getTime() ?? null
      if (registered !== null) registeredWatermark = Math.max(registeredWatermark ?? registered, registered)
      if (states.get(row.id)?.registered !== registered) {
        changed.delete(row.id)
        publishNode(row)
      }
    }
    for (const row of await nodesByKeys(sql, [...changed])) publishNode(row)
    polls++
    return beats.length >= o.batch
  }

  /** The database's state as a `database` event: outside the replay ring and without an id (no resume point). */
  const databaseMessage = (): EventMessage => ({
    event: 'database',
    data: JSON.stringify(lastError === null ? { ok: true } : { ok: false, reason: lastError }),
  })

  function databaseChanged(reason: string | null) {
    if (reason === lastError) return
    if (reason !== null) o.log?.(`event stream: ${reason}`)
    const wasDown = lastError !== null
    lastError = reason
    // Tabs say history is unavailable at once, and read it again when the database is back.
    if (reason !== null || wasDown) {
      const message = databaseMessage()
      for (const client of clients) client.offer(message)
    }
  }

  async function loop() {
    if (!running) return
    for (const c of clients) c.checkStalled()
    let more = false
    try {
      more = await pollOnce()
      databaseChanged(null)
    } catch (e) {
      databaseChanged(databaseReason(e))
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() may have run during the await
    if (running) timer = setTimeout(() => void loop(), more ? 0 : o.pollMs)
  }

  return {
    boot,
    start() {
      if (running) return
      running = true
      void loop()
      keepAlive = setInterval(() => {
        for (const c of clients) c.offer({ comment: ' keep-alive' })
      }, o.keepAliveMs)
    },
    async stop() {
      running = false
      if (timer) clearTimeout(timer)
      if (keepAlive) clearInterval(keepAlive)
      for (const c of clients) c.close()
      clients.clear()
      await Promise.resolve()
    },
    /** A new client, first given what it missed since `lastEventId` (if it is still in the replay window). */
    subscribe(lastEventId: string | undefined, onDrop: () => void): StreamClient {
      const client = new StreamClient(o.limits, () => {
        clients.delete(client)
        onDrop()
      })
      const cursor = parseCursor(lastEventId)
      if (cursor) {
        const missed =
          cursor.boot === boot && (ring[0]?.seq ?? seq + 1) <= cursor.seq + 1
            ? ring.filter((p) => p.seq > cursor.seq)
            : ring.filter((p) => p.at > cursor.watermark)
        for (const p of missed) client.offer(p.message)
      }
      if (lastError !== null) client.offer(databaseMessage())
      if (!client.isClosed) clients.add(client)
      return client
    },
    unsubscribe(client: StreamClient) {
      client.close()
      clients.delete(client)
    },
    get clientCount() {
      return clients.size
    },
    get status() {
      return { ok: lastError === null, reason: lastError ?? undefined, polls }
    },
  }
}
