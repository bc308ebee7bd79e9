import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { HISTORY_NODE } from './fixtures/seed.ts'
import { openStream, type SseFrame } from './sse-client.ts'
import { startTestStack, type TestStack } from './test-server.ts'

const databaseEvent = (f: SseFrame) =>
  f.event === 'database' ? (JSON.parse(f.data ?? '{}') as Record<string, unknown>) : null

const history = `/api/v1/nodes/${HISTORY_NODE.nodeId}/heartbeats?since=2026-11-29T00:00:00Z&until=2026-11-29T02:00:00Z`

describe('when the database is down', () => {
  let stack: TestStack
  beforeAll(async () => {
    // A port nothing listens on: the database refuses every connection.
    stack = await startTestStack({
      registryDatabaseUrl: 'postgres://console_reader@127.0.0.1:1/registry',
      dbStatementTimeoutMs: 1000,
    })
  })
  afterAll(() => stack.close())

  it('answers history with 503 and the reason, and /healthz says degraded, with why', async () => {
    const res = await fetch(`${stack.url}${history}`)
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      detail: 'History is unavailable: the database refused the connection.',
    })
    const health = (await (await fetch(`${stack.url}/healthz`)).json()) as Record<string, unknown>
    expect(health).toMatchObject({
      status: 'degraded',
      server: { ok: true },
      database: { ok: false, reason: 'the database refused the connection' },
      registry: { ok: true },
    })
  })

  it('tells every stream client, as it connects, that the database is down and why', async () => {
    const stream = await openStream(`${stack.url}/api/v1/events`)
    const frame = await stream.waitFor((f) => databaseEvent(f) !== null, 5000)
    expect(databaseEvent(frame)).toEqual({ ok: false, reason: 'the database refused the connection' })
    expect(frame.id).toBeUndefined()
    stream.close()
  })

  it('still relays the registry', async () => {
    expect((await fetch(`${stack.url}/api/v1/nodes?limit=3`)).status).toBe(200)
  })
})

describe('a slow query', () => {
  let stack: TestStack
  let admin: postgres.Sql
  beforeAll(async () => {
    stack = await startTestStack({ registryDatabaseUrl: inject('pgReader').a, dbStatementTimeoutMs: 300 })
    admin = postgres(inject('pgAdmin').a, { onnotice: () => {} })
  })
  afterAll(async () => {
    await admin.end()
    await stack.close()
  })

  it('is cancelled by the statement timeout and answered with 503', async () => {
    // A writer holding an exclusive lock keeps the history query waiting past its timeout.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let locked = () => {}
    const lockTaken = new Promise<void>((resolve) => (locked = resolve))
    const writer = admin.begin(async (tx) => {
      await tx`LOCK TABLE heartbeat_log IN ACCESS EXCLUSIVE MODE`
      locked()
      await held
    })
    await lockTaken
    const started = performance.now()
    const res = await fetch(`${stack.url}${history}`)
    release()
    await writer
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      detail: 'History is unavailable: the query took longer than the statement timeout and was cancelled.',
    })
    expect(performance.now() - started).toBeLessThan(3000)
    expect((await fetch(`${stack.url}${history}`)).status).toBe(200)
  })

  it('tells the stream when the database stops answering and when it answers again', async () => {
    const stream = await openStream(`${stack.url}/api/v1/events`)
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let locked = () => {}
    const lockTaken = new Promise<void>((resolve) => (locked = resolve))
    const writer = admin.begin(async (tx) => {
      await tx`LOCK TABLE heartbeat_log IN ACCESS EXCLUSIVE MODE`
      locked()
      await held
    })
    await lockTaken
    const down = await stream.waitFor((f) => databaseEvent(f)?.ok === false, 5000)
    expect(databaseEvent(down)).toEqual({
      ok: false,
      reason: 'the query took longer than the statement timeout and was cancelled',
    })
    release()
    await writer
    const up = await stream.waitFor((f) => databaseEvent(f)?.ok === true, 5000)
    expect(databaseEvent(up)).toEqual({ ok: true })
    expect(stream.frames.filter((f) => databaseEvent(f) !== null)).toHaveLength(2)
    stream.close()
  })

  it('cannot write: the connection is read-only', async () => {
    const sql = stack.server.sql
    if (!sql) throw new Error('no database')
    await expect(sql`CREATE TEMP TABLE t (x int)`).rejects.toMatchObject({ code: '25006' })
  })
})
