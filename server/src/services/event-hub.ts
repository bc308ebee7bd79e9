import { randomBytes } from 'node:crypto'
import type { EventMessage } from 'fastify'
import type { Sql } from '../db/database.ts'
import { databaseReason } from '../db/db-errors.ts'
import { beatsSince, nodeStates, nodeStatesSince, type BeatRow, type NodeState } from '../db/events-repo.ts'
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
  // Twice a second: a row committed just after a read waits one period plus the next read, within 1 s.
  pollMs: 500,
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
 * or a change of a node's status, found among the `nodes` rows whose `updated_at` moved (with the same overlap,
 * and sent only when the status or registration differs from what was last sent).
 */
export function createEventHub(sql: Sql, options: Partial<EventHubOptions> = {}) {
  const o = { ...DEFAULT_HUB_OPTIONS, ...options }
  const boot = randomBytes(4).toString('hex')
  const clients = new Set<StreamClient>()
  const ring: Published[] = []
  let seq = 0
  let watermark: number | null = null
  /** The newest `updated_at`/`registered_at` read from `nodes`: the next read starts there, less the overlap. */
  let nodesWatermark: number | null = null
  /** The database's clock when the last `nodes` read began. */
  let nodesReadAt: number | null = null
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

  /** What a `node` event would change for this row: its status or its registration. */
  function nodeMoved(n: NodeState): boolean {
    const known = states.get(n.key)
    return !known || known.status !== n.status || known.registered !== (n.registered_at?.getTime() ?? null)
  }

  function nodeSeen(n: NodeState) {
    const at = Math.max(n.updated_at?.getTime() ?? 0, n.registered_at?.getTime() ?? 0)
    if (at > 0) nodesWatermark = Math.max(nodesWatermark ?? at, at)
  }

  async function pollOnce(): Promise<boolean> {
    const changed = new Set<string>()
    if (nodesWatermark === null && states.size === 0) {
      for (const n of await nodeStates(sql)) {
        states.set(n.key, { status: n.status, registered: n.registered_at?.getTime() ?? null })
        nodeSeen(n)
      }
    } else {
      // Rows that moved since the last read, with the overlap: a node already known as it is sends nothing.
      // The overlap before the newest row seen and before the last read: what was committed since that read
      // is dated after it, less the commit's lag. (A registry clock more than the overlap behind the
      // database's would hide a status change from the stream; the app's safety-net poll still finds it.)
      const from = Math.max(nodesWatermark ?? 0, nodesReadAt ?? 0) || (watermark ?? Date.now())
      const read = await nodeStatesSince(sql, new Date(from - o.overlapMs))
      nodesReadAt = read.readAt.getTime()
      for (const n of read.rows) {
        nodeSeen(n)
        if (nodeMoved(n)) changed.add(n.key)
      }
    }
    const lower = watermark === null ? null : new Date(watermark - o.overlapMs)
    const beats = await beatsSince(sql, {
      lower,
      backfillSeconds: o.replayMs / 1000,
      seenIds: [...seen.keys()],
      limit: o.batch,
    })
    for (const b of beats) {
      publishBeat(b)
      // A node row written without `updated_at` still shows its new status in its beat.
      const state = states.get(b.key)
      if (state && state.status !== b.status) changed.add(b.key)
    }
    if (watermark !== null) for (const [id, at] of seen) if (at <= watermark - o.overlapMs) seen.delete(id)
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
    const started = Date.now()
    for (const c of clients) c.checkStalled()
    let more = false
    try {
      more = await pollOnce()
      databaseChanged(null)
    } catch (e) {
      databaseChanged(databaseReason(e))
    }
    // Ticks keep their rhythm whatever a read takes: a row committed just after one waits at most
    // `pollMs` plus one read, not `pollMs` after the end of the read.
    const wait = more ? 0 : Math.max(0, started + o.pollMs - Date.now())
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() may have run during the await
    if (running) timer = setTimeout(() => void loop(), wait)
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
            : // Another run: from the time reached less the overlap, or a row committed late is lost. Beats
              // the tab already has may come again; the app knows a beat by its node and time.
              ring.filter((p) => p.at > cursor.watermark - o.overlapMs)
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
