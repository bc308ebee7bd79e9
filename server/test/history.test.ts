import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { BEAT_MS, FIRST_BEAT, HISTORY_NODE, QUIET_NODE, SLASH_NODE, fixtureBeats } from './fixtures/seed.ts'
import { startTestStack, type TestStack } from './test-server.ts'

const iso = (ms: number) => new Date(ms).toISOString()
const path = (nodeId: string, q: Record<string, string | number>) =>
  `/api/v1/nodes/${encodeURIComponent(nodeId)}/heartbeats?${new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)])).toString()}`

describe.each(['a', 'b'] as const)('history from the registry database, schema %s', (schema) => {
  let stack: TestStack
  const get = async (p: string) => {
    const res = await fetch(`${stack.url}${p}`)
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }

  beforeAll(async () => {
    stack = await startTestStack({ registryDatabaseUrl: inject('pgReader')[schema] })
  })
  afterAll(() => stack.close())

  it('reads in a session whose time zone is far from UTC', async () => {
    const sql = stack.server.sql
    if (!sql) throw new Error('no database')
    const [row] = await sql`SHOW timezone`
    expect(row?.TimeZone).toBe('Pacific/Chatham')
  })

  it('answers raw beats newest first, with UTC times, inclusive bounds and the limit', async () => {
    const since = FIRST_BEAT + 5 * BEAT_MS
    const until = FIRST_BEAT + 14 * BEAT_MS
    const { status, body } = await get(path(HISTORY_NODE.nodeId, { since: iso(since), until: iso(until) }))
    expect(status).toBe(200)
    const beats = body.heartbeats as { timestamp: string; status: string | null; metrics: unknown }[]
    expect(body.node_id).toBe(HISTORY_NODE.nodeId)
    expect(body.total).toBe(10)
    expect(beats.map((b) => b.timestamp)).toEqual(
      Array.from({ length: 10 }, (_, i) => iso(until - i * BEAT_MS)),
    )
    // i = 12: an array in the database is no metrics object; i = 5: a maintenance beat.
    expect(beats.find((b) => b.timestamp === iso(FIRST_BEAT + 12 * BEAT_MS))?.metrics).toEqual({})
    expect(beats.find((b) => b.timestamp === iso(FIRST_BEAT + 5 * BEAT_MS))?.status).toBe('maintenance')

    const limited = await get(path(HISTORY_NODE.nodeId, { since: iso(since), until: iso(until), limit: 3 }))
    expect((limited.body.heartbeats as unknown[]).length).toBe(3)
  })

  it('reads zone-less since/until as UTC, like the registry writes them', async () => {
    const t = FIRST_BEAT + 30 * BEAT_MS
    const { body } = await get(
      path(HISTORY_NODE.nodeId, { since: iso(t).replace('Z', ''), until: iso(t).replace('.000Z', '') }),
    )
    expect((body.heartbeats as { timestamp: string }[]).map((b) => b.timestamp)).toEqual([iso(t)])
  })

  it('answers hourly buckets oldest first: beats, statuses and averages of numeric metrics only', async () => {
    const { status, body } = await get(
      path(HISTORY_NODE.nodeId, {
        since: iso(FIRST_BEAT - 3_600_000),
        until: iso(FIRST_BEAT + 86_400_000),
        bucket: 3600,
      }),
    )
    expect(status).toBe(200)
    expect(body.bucket_seconds).toBe(3600)
    const expected = [0, 1].map((hour) => {
      const beats = fixtureBeats().filter((b) => Math.floor((b.ts - FIRST_BEAT) / 3_600_000) === hour)
      const avg = (k: 'cpu' | 'mem' | 'disk') => {
        const xs = beats.map((b) => b[k]).filter((x): x is number => x !== null)
        return xs.reduce((a, b) => a + b, 0) / xs.length
      }
      const statuses: Record<string, number> = {}
      for (const b of beats) if (b.status !== null) statuses[b.status] = (statuses[b.status] ?? 0) + 1
      return {
        start: iso(FIRST_BEAT + hour * 3_600_000),
        beats: beats.length,
        statuses,
        cpu: avg('cpu'),
        mem: avg('mem'),
        disk: avg('disk'),
      }
    })
    const buckets = body.buckets as Record<string, unknown>[]
    expect(buckets).toHaveLength(2)
    buckets.forEach((b, i) => {
      const e = expected[i]
      if (!e) throw new Error(`no bucket ${i}`)
      expect(b.start).toBe(e.start)
      expect(b.beats).toBe(e.beats)
      expect(b.statuses).toEqual(e.statuses)
      expect(b.cpu_percent_avg).toBeCloseTo(e.cpu, 9)
      expect(b.memory_percent_avg).toBeCloseTo(e.mem, 9)
      expect(b.disk_percent_avg).toBeCloseTo(e.disk, 9)
    })
  })

  it('starts day buckets at midnight UTC whatever the session zone', async () => {
    const { body } = await get(
      path(HISTORY_NODE.nodeId, {
        since: iso(FIRST_BEAT),
        until: iso(FIRST_BEAT + 7_200_000),
        bucket: 86_400,
      }),
    )
    expect(body.buckets).toEqual([expect.objectContaining({ start: '2026-11-29T00:00:00.000Z', beats: 240 })])
  })

  it('answers an empty history for a silent node, and 404 for an unknown one', async () => {
    expect((await get(path(QUIET_NODE.nodeId, { bucket: 60 }))).body.buckets).toEqual([])
    const unknown = await get(path('no-such-node', {}))
    expect(unknown).toEqual({ status: 404, body: { detail: 'Node not found: no-such-node' } })
  })

  it('serves ids with / ? # % and hostile text as data, never as SQL', async () => {
    const slash = await get(
      path(SLASH_NODE.nodeId, { since: iso(FIRST_BEAT), until: iso(FIRST_BEAT + 7_200_000) }),
    )
    expect(slash.status).toBe(200)
    expect(slash.body.total).toBe(1)
    const hostile = "x'; DROP TABLE heartbeat_log; --"
    expect((await get(path(hostile, {}))).status).toBe(404)
    expect((await get(path(HISTORY_NODE.nodeId, { since: "2026-11-29T00:00:00' OR 1=1 --" }))).status).toBe(
      400,
    )
    const again = await get(path(HISTORY_NODE.nodeId, { since: iso(FIRST_BEAT), until: iso(FIRST_BEAT) }))
    expect(again.body.total).toBe(1)
  })

  it.each([
    [{ since: iso(FIRST_BEAT + 1000), until: iso(FIRST_BEAT) }, 'since must not be after until'],
    [{ bucket: 0 }, 'bucket must be between 1 and 2592000, not 0'],
    [{ bucket: '1.5' }, 'bucket must be a whole number, not "1.5"'],
    [{ limit: 10_001 }, 'limit must be between 1 and 10000, not 10001'],
    [{ since: 'yesterday' }, 'since must be an ISO date-time such as 2026-11-29T07:22:53Z, not "yesterday"'],
    [
      { until: '2026-13-45T99:00:00Z' },
      'until must be an ISO date-time such as 2026-11-29T07:22:53Z, not "2026-13-45T99:00:00Z"',
    ],
  ])('rejects %o with 400 and a message', async (query, detail) => {
    expect(await get(path(HISTORY_NODE.nodeId, query as Record<string, string>))).toEqual({
      status: 400,
      body: { detail },
    })
  })
})
