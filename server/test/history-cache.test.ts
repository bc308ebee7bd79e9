import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { nodeHistory } from '../src/services/history-service.ts'
import { BEAT_MS, FIRST_BEAT, HISTORY_NODE } from './fixtures/seed.ts'
import { startTestStack, type TestStack } from './test-server.ts'

const iso = (ms: number) => new Date(ms).toISOString()
const TTL_MS = 3_600_000

describe.each(['a', 'b'] as const)('history kept in memory, schema %s', (schema) => {
  let stack: TestStack
  let admin: postgres.Sql
  // The server's clock: 100 minutes into the fixture's two hours, so its last 20 minutes are still open.
  let now = FIRST_BEAT + 100 * 60_000
  const get = async (q: Record<string, string | number>) => {
    const query = new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)]))
    const res = await fetch(`${stack.url}/api/v1/nodes/${HISTORY_NODE.nodeId}/heartbeats?${query.toString()}`)
    expect(res.status).toBe(200)
    return (await res.json()) as Record<string, unknown>
  }
  /** The same window read straight from the database, with no cache. */
  const direct = async (q: { since: number; until: number; bucket: number | null }) => {
    const sql = stack.server.sql
    if (!sql) throw new Error('no database')
    const p = { since: new Date(q.since), until: new Date(q.until), limit: 1000, bucket: q.bucket }
    return JSON.parse(JSON.stringify(await nodeHistory(sql, HISTORY_NODE.nodeId, p))) as Record<
      string,
      unknown
    >
  }
  const insertBeat = (ts: number, cpu: number) =>
    admin`INSERT INTO heartbeat_log (id, node_id, "timestamp", status, metrics)
      VALUES (gen_random_uuid(), ${HISTORY_NODE.key}, ${new Date(ts)}, 'online', ${admin.json({ cpu_percent: cpu })})`
  const inserted: number[] = []

  beforeAll(async () => {
    stack = await startTestStack(
      { registryDatabaseUrl: inject('pgReader')[schema] },
      { now: () => now, historyCache: { maxItems: 5000, ttlMs: TTL_MS, closeAfterMs: 120_000 } },
    )
    admin = postgres(inject('pgAdmin')[schema], { onnotice: () => {} })
  })
  afterAll(async () => {
    // The other files count the fixture's rows: the rows written here go.
    for (const ts of inserted) await admin`DELETE FROM heartbeat_log WHERE "timestamp" = ${new Date(ts)}`
    await admin.end()
    await stack.close()
  })

  it('answers raw beats as the database does, and a beat committed since shows on the next read', async () => {
    const since = FIRST_BEAT + 30 * 60_000 + 1234
    const first = await get({ since: iso(since), until: iso(now) })
    expect(first).toEqual(await direct({ since, until: now, bucket: null }))
    expect(first.total).toBe(140)

    const late = now - 10_000
    inserted.push(late)
    await insertBeat(late, 42)
    const again = await get({ since: iso(since), until: iso(now) })
    expect(again.total).toBe(141)
    // Second newest: the fixture's own beat at exactly `now` comes first.
    expect((again.heartbeats as { timestamp: string }[])[1]).toEqual({
      timestamp: iso(late),
      status: 'online',
      metrics: { cpu_percent: 42 },
    })
    expect(again).toEqual(await direct({ since, until: now, bucket: null }))
  })

  it('answers buckets cut by since and until as the database does, averages to float precision', async () => {
    for (const [since, bucket] of [
      [FIRST_BEAT + 7 * 60_000 + 500, 3600],
      [FIRST_BEAT + 90_000, 600],
      [FIRST_BEAT + 10_000, 60],
    ] as const) {
      const cached = await get({ since: iso(since), until: iso(now), bucket })
      const db = await direct({ since, until: now, bucket })
      const numbers = (b: Record<string, unknown>) =>
        (b.buckets as Record<string, unknown>[]).map((x) => [
          x.cpu_percent_avg,
          x.memory_percent_avg,
          x.disk_percent_avg,
        ])
      const shape = (b: Record<string, unknown>) =>
        (b.buckets as Record<string, unknown>[]).map(({ start, beats, statuses }) => ({
          start,
          beats,
          statuses,
        }))
      expect(shape(cached)).toEqual(shape(db))
      numbers(cached).forEach((row, i) =>
        row.forEach((x, k) => {
          const expected = numbers(db)[i]?.[k]
          if (expected === null) expect(x).toBeNull()
          else expect(x).toBeCloseTo(expected as number, 9)
        }),
      )
    }
  })

  it('keeps closed hours in memory until they expire, so a row written into the past shows after that', async () => {
    const since = FIRST_BEAT
    const read = async () => (await get({ since: iso(since), until: iso(now), bucket: 3600 })).buckets
    const before = (await read()) as { beats: number }[]
    const past = FIRST_BEAT + 15 * 60_000 + BEAT_MS / 2
    inserted.push(past)
    await insertBeat(past, 1)
    expect(((await read()) as { beats: number }[])[0]?.beats).toBe(before[0]?.beats)

    now += TTL_MS + 1
    const after = (await get({ since: iso(since), until: iso(now), bucket: 3600 })).buckets as {
      beats: number
    }[]
    expect(after[0]?.beats).toBe((before[0]?.beats ?? 0) + 1)
  })
})
