import { describe, expect, it } from 'vitest'
import { HttpError } from '@/lib/http/fetch-json.ts'
import { getHeartbeatBuckets } from './get-heartbeat-buckets.ts'
import { getHeartbeats } from './get-heartbeats.ts'
import type { Registry } from './registry-http.ts'

/** A registry answering every call with `answer`, or failing with what `answer` throws when it is a function. */
const answering = (answer: unknown): Registry & { calls: { path: string; query: unknown }[] } => {
  const calls: { path: string; query: unknown }[] = []
  return {
    baseUrl: 'http://registry.test',
    calls,
    get(path, query) {
      calls.push({ path, query })
      return typeof answer === 'function'
        ? Promise.resolve().then(answer as () => never)
        : Promise.resolve(answer)
    },
  }
}
const range = { since: Date.UTC(2026, 10, 29, 9), until: Date.UTC(2026, 10, 29, 10) }

describe('getHeartbeats', () => {
  it('returns beats oldest first, zone-less times as UTC, dropping rows without a usable timestamp', async () => {
    const registry = answering({
      node_id: 'n1',
      heartbeats: [
        { timestamp: '2026-11-29T09:59:30.123456', status: 'online', metrics: { cpu_percent: 12.5 } },
        { timestamp: 'yesterday', status: 'online', metrics: {} },
        { timestamp: '2026-11-29T09:59:00Z', status: 'banana', metrics: 'garbage' },
        42,
      ],
      total: 4,
    })
    const h = await getHeartbeats(registry, 'n1', range)
    expect(h?.beats.map((b) => b.timestamp)).toEqual([
      Date.UTC(2026, 10, 29, 9, 59, 0),
      Date.UTC(2026, 10, 29, 9, 59, 30, 123),
    ])
    expect(h?.beats[0]).toMatchObject({ status: 'banana', metrics: {} })
    expect(h?.beats[1]?.metrics).toEqual({ cpu_percent: 12.5 })
    expect(h?.dropped).toBe(2)
    expect(registry.calls[0]?.path).toBe('/api/v1/nodes/n1/heartbeats')
    expect(registry.calls[0]?.query).toMatchObject({ since: '2026-11-29T09:00:00.000Z', limit: 1000 })
  })

  it('resolves to null when the route is absent (404)', async () => {
    const registry = answering(() => {
      throw new HttpError('http', 'HTTP 404', 404, 'Not Found')
    })
    await expect(getHeartbeats(registry, 'n1', range)).resolves.toBeNull()
  })

  it('asks once per session: a 404 for the route answers every node after it, in flight or later', async () => {
    const registry = answering(() => {
      throw new HttpError('http', 'HTTP 404', 404, 'Not Found')
    })
    // Twelve nodes at once (the Events page), then the node page.
    const first = await Promise.all(
      Array.from({ length: 12 }, (_, i) => getHeartbeats(registry, `n${i}`, range)),
    )
    expect(first.every((h) => h === null)).toBe(true)
    await expect(getHeartbeatBuckets(registry, 'n1', { ...range, bucketSeconds: 60 })).resolves.toBeNull()
    expect(registry.calls).toHaveLength(1)
  })

  it('keeps asking when the 404 is about the node, not the route', async () => {
    const registry = answering(() => {
      throw new HttpError('http', 'HTTP 404', 404, 'Node not found: n1')
    })
    await getHeartbeats(registry, 'n1', range)
    await getHeartbeats(registry, 'n2', range)
    expect(registry.calls).toHaveLength(2)
  })

  it('fails on other errors and on a bad envelope', async () => {
    const failing = answering(() => {
      throw new HttpError('http', 'HTTP 500', 500)
    })
    await expect(getHeartbeats(failing, 'n1', range)).rejects.toThrow('HTTP 500')
    await expect(getHeartbeats(answering({ beats: [] }), 'n1', range)).rejects.toThrow()
  })
})

describe('getHeartbeatBuckets', () => {
  it('returns buckets oldest first and drops unusable ones', async () => {
    const registry = answering({
      node_id: 'n1',
      bucket_seconds: 60,
      buckets: [
        { start: '2026-11-29T09:01:00', beats: 2, statuses: { online: 2 }, cpu_percent_avg: 10 },
        { start: null, beats: 2 },
        { start: '2026-11-29T09:00:00Z', beats: 'two', statuses: 'x', memory_percent_avg: 40 },
      ],
    })
    const h = await getHeartbeatBuckets(registry, 'n1', { ...range, bucketSeconds: 60 })
    expect(h?.bucketSeconds).toBe(60)
    expect(h?.buckets.map((b) => [b.start, b.beats])).toEqual([
      [Date.UTC(2026, 10, 29, 9, 0), 0],
      [Date.UTC(2026, 10, 29, 9, 1), 2],
    ])
    expect(h?.dropped).toBe(1)
    expect(registry.calls[0]?.query).toMatchObject({ bucket: 60 })
  })

  it('resolves to null on 404', async () => {
    const registry = answering(() => {
      throw new HttpError('http', 'HTTP 404', 404)
    })
    await expect(getHeartbeatBuckets(registry, 'n1', { ...range, bucketSeconds: 60 })).resolves.toBeNull()
  })
})
