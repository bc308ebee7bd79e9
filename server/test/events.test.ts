import { connect } from 'node:net'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { HISTORY_NODE, QUIET_NODE } from './fixtures/seed.ts'
import { openStream, type SseFrame } from './sse-client.ts'
import { startTestStack, type TestStack } from './test-server.ts'

const beatOf = (f: SseFrame) =>
  f.event === 'heartbeat' ? (JSON.parse(f.data ?? '{}') as Record<string, unknown>) : null
const beatMarked = (mark: string) => (f: SseFrame) =>
  (beatOf(f)?.metrics as { mark?: string } | undefined)?.mark === mark

describe.each(['a', 'b'] as const)('the live stream, schema %s', (schema) => {
  let stack: TestStack
  let admin: postgres.Sql
  const events = () => `${stack.url}/api/v1/events`
  const beat = (mark: string, agoMs = 0) =>
    admin`INSERT INTO heartbeat_log (id, node_id, "timestamp", status, metrics)
      VALUES (gen_random_uuid(), ${HISTORY_NODE.key}, clock_timestamp() - make_interval(secs => ${agoMs / 1000}),
        'online', ${admin.json({ cpu_percent: 1, mark })})`

  beforeAll(async () => {
    stack = await startTestStack(
      { registryDatabaseUrl: inject('pgReader')[schema] },
      { hub: { pollMs: 100, limits: { maxQueued: 100_000, stallMs: 1000 } } },
    )
    admin = postgres(inject('pgAdmin')[schema], { onnotice: () => {} })
    await vi.waitFor(() => expect(stack.server.events?.status.polls).toBeGreaterThan(0))
  })
  afterAll(async () => {
    await admin.end()
    await stack.close()
  })

  it('announces itself in config.json and sends retry first, then each committed beat within a second', async () => {
    const config = (await (await fetch(`${stack.url}/config.json`)).json()) as Record<string, unknown>
    expect(config.server).toEqual({ events: '/api/v1/events' })
    const stream = await openStream(events())
    expect(stream.status).toBe(200)
    await stream.waitFor((f) => f.retry === 3000)
    const committed = performance.now()
    await beat('first')
    const frame = await stream.waitFor(beatMarked('first'), 1000)
    expect(performance.now() - committed).toBeLessThan(1000)
    expect(beatOf(frame)).toMatchObject({
      node_id: HISTORY_NODE.nodeId,
      status: 'online',
      metrics: { cpu_percent: 1 },
    })
    expect(beatOf(frame)?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    stream.close()
  })

  it('finds a row committed late with an older time, and sends no beat twice', async () => {
    const stream = await openStream(events())
    await beat('newer')
    await stream.waitFor(beatMarked('newer'))
    await beat('late', 4000)
    await stream.waitFor(beatMarked('late'))
    await beat('after')
    await stream.waitFor(beatMarked('after'))
    const ids = stream.frames.filter((f) => f.event === 'heartbeat').map((f) => f.data)
    expect(new Set(ids).size).toBe(ids.length)
    stream.close()
  })

  it('resumes from Last-Event-ID without losing or repeating a beat', async () => {
    const first = await openStream(events())
    await beat('before-drop')
    const seen = await first.waitFor(beatMarked('before-drop'))
    first.close()
    await beat('missed-1')
    await beat('missed-2')
    const second = await openStream(events(), seen.id)
    await second.waitFor(beatMarked('missed-2'))
    await beat('live')
    await second.waitFor(beatMarked('live'))
    const marks = second.frames
      .map((f) => (beatOf(f)?.metrics as { mark?: string } | undefined)?.mark)
      .filter(Boolean)
    expect(marks).toEqual(['missed-1', 'missed-2', 'live'])
    second.close()
  })

  it('resumes on a restarted server without losing a row committed late', async () => {
    const first = await openStream(events())
    await beat('before-restart')
    const seen = await first.waitFor(beatMarked('before-restart'))
    first.close()
    // Timed before the beat the tab saw, committed only after it (a slow transaction).
    await beat('late-across-restart', 4000)
    const restarted = await startTestStack(
      { registryDatabaseUrl: inject('pgReader')[schema] },
      { hub: { pollMs: 100 } },
    )
    try {
      await vi.waitFor(() => expect(restarted.server.events?.status.polls).toBeGreaterThan(0))
      const second = await openStream(`${restarted.url}/api/v1/events`, seen.id)
      await second.waitFor(beatMarked('late-across-restart'), 5000)
      second.close()
    } finally {
      await restarted.close()
    }
  })

  it('sends a node event on registration and on a change of status, with the columns both schemas have', async () => {
    const stream = await openStream(events())
    const key = crypto.randomUUID()
    await admin`INSERT INTO nodes (id, node_id, node_name, node_role, node_type, ip_address, status, last_heartbeat, registered_at, updated_at)
      VALUES (${key}, ${`new-node-${schema}`}, 'new', 'worker', 'worker', '198.51.100.4', 'online', now(), now(), now())`
    const registered = await stream.waitFor(
      (f) => f.event === 'node' && (f.data ?? '').includes(`new-node-${schema}`),
    )
    expect(JSON.parse(registered.data ?? '')).toMatchObject({
      id: key,
      ip_address: '198.51.100.4',
      status: 'online',
    })
    await admin.begin(async (tx) => {
      await tx`UPDATE nodes SET status = 'maintenance', last_heartbeat = now(), updated_at = now() WHERE id = ${QUIET_NODE.key}`
      await tx`INSERT INTO heartbeat_log (id, node_id, "timestamp", status, metrics)
        VALUES (gen_random_uuid(), ${QUIET_NODE.key}, now(), 'maintenance', '{}')`
    })
    const changed = await stream.waitFor(
      (f) => f.event === 'node' && (f.data ?? '').includes(QUIET_NODE.nodeId),
    )
    expect(JSON.parse(changed.data ?? '')).toMatchObject({
      node_id: QUIET_NODE.nodeId,
      status: 'maintenance',
    })
    expect(Object.keys(JSON.parse(changed.data ?? '') as object).sort()).toEqual([
      'hostname',
      'id',
      'ip_address',
      'last_heartbeat',
      'local_ip',
      'node_id',
      'node_name',
      'node_role',
      'node_type',
      'registered_at',
      'status',
      'updated_at',
    ])
    stream.close()
  })

  it('sends a node event for a change of status written without a beat, and none for a row touched alone', async () => {
    const stream = await openStream(events())
    const key = crypto.randomUUID()
    const nodeId = `swept-node-${schema}`
    await admin`INSERT INTO nodes (id, node_id, node_name, node_role, node_type, status, last_heartbeat, registered_at, updated_at)
      VALUES (${key}, ${nodeId}, 'swept', 'worker', 'worker', 'online', now(), now(), now())`
    const isNode = (f: SseFrame) => f.event === 'node' && (f.data ?? '').includes(nodeId)
    await stream.waitFor(isNode)
    // Touched with its status unchanged, then (in a later transaction) marked offline, as a sweeper would.
    await admin`UPDATE nodes SET updated_at = now() WHERE id = ${key}`
    await admin`UPDATE nodes SET status = 'offline', updated_at = now() WHERE id = ${key}`
    const offline = await stream.waitFor(
      (f) => isNode(f) && (JSON.parse(f.data ?? '{}') as { status?: string }).status === 'offline',
    )
    expect(JSON.parse(offline.data ?? '')).toMatchObject({ node_id: nodeId, status: 'offline' })
    await beat(`after-sweep-${schema}`)
    await stream.waitFor(beatMarked(`after-sweep-${schema}`))
    expect(stream.frames.filter(isNode)).toHaveLength(2)
    stream.close()
  })

  it('drops a client that stops reading, and keeps serving the others', async () => {
    const reader = await openStream(events())
    const port = new URL(stack.url).port
    const stalled = connect(Number(port), '127.0.0.1')
    stalled.write(`GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`)
    stalled.pause()
    await vi.waitFor(() => expect(stack.server.events?.clientCount).toBe(2))
    // About 4 MB of beats: more than the socket buffers hold for a client that reads nothing.
    await admin`INSERT INTO heartbeat_log (id, node_id, "timestamp", status, metrics)
      SELECT gen_random_uuid(), ${HISTORY_NODE.key}, clock_timestamp(), 'online', jsonb_build_object('pad', repeat('x', 4000), 'i', i)
      FROM generate_series(1, 1000) AS i`
    await vi.waitFor(() => expect(stack.server.events?.clientCount).toBe(1), {
      timeout: 10_000,
      interval: 100,
    })
    await beat('still-live')
    await reader.waitFor(beatMarked('still-live'), 10_000)
    reader.close()
    stalled.destroy()
  })
})
