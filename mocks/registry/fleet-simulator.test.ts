import { describe, expect, it } from 'vitest'
import { parseRegistryTime } from '@/entities/node/model/schemas.ts'
import { livenessOf, DEFAULT_THRESHOLDS } from '@/entities/node/model/liveness.ts'
import { DEMO_NODE_IDS, ORPHAN_HOSTNAME, SILENT_AFTER_MS } from './demo-fleet.ts'
import { all, byId, clocked, lastBeat, T0 } from './testing/clocked-simulator.ts'

const MIN = 60_000
const HOUR = 60 * MIN

describe('the demo fleet', () => {
  it('has the two real nodes, the quirky workers and one orphan pair', () => {
    const { sim } = clocked()
    const nodes = byId(all(sim))
    expect(nodes.size).toBe(12)
    for (const id of Object.values(DEMO_NODE_IDS)) expect(nodes.has(id)).toBe(true)
    expect(nodes.get(DEMO_NODE_IDS.hetzner)).toMatchObject({
      node_role: 'production',
      node_type: 'router',
      hostname: 'gex44',
      ip_address: '144.76.224.179',
    })
    expect(nodes.get(DEMO_NODE_IDS.macbook)).toMatchObject({ node_role: 'development' })
    expect(nodes.get(DEMO_NODE_IDS.maintenance)?.status).toBe('maintenance')
    expect(nodes.get(DEMO_NODE_IDS.degraded)?.status).toBe('degraded')
    expect(nodes.get(DEMO_NODE_IDS.unknownStatus)?.status).toBe('banana')
    expect(nodes.get(DEMO_NODE_IDS.garbage)).toMatchObject({ metadata: 'oops', last_heartbeat: 'not a date' })
    // Zone-less, microseconds: the way the service writes.
    expect(nodes.get(DEMO_NODE_IDS.pastOutage)?.last_heartbeat).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/,
    )
    const orphans = [...nodes.values()].filter((n) => n.hostname === ORPHAN_HOSTNAME)
    expect(orphans.map((n) => n.node_id).sort()).toEqual(
      [DEMO_NODE_IDS.orphanOld, DEMO_NODE_IDS.orphanNew].sort(),
    )
  })

  it('is the same fleet for the same seed, and differs for another', () => {
    const a = clocked({ seed: 5, nodes: 40 }).sim
    const b = clocked({ seed: 5, nodes: 40 }).sim
    const c = clocked({ seed: 6, nodes: 40 }).sim
    expect(all(a)).toEqual(all(b))
    expect(a.heartbeats(DEMO_NODE_IDS.hetzner, { since: T0 - HOUR, until: T0, limit: 50 })).toEqual(
      b.heartbeats(DEMO_NODE_IDS.hetzner, { since: T0 - HOUR, until: T0, limit: 50 }),
    )
    expect(c.heartbeats(DEMO_NODE_IDS.hetzner, { since: T0 - HOUR, until: T0, limit: 50 })).not.toEqual(
      a.heartbeats(DEMO_NODE_IDS.hetzner, { since: T0 - HOUR, until: T0, limit: 50 }),
    )
  })

  it('grows to the asked size with unique generated workers; never below the base set', () => {
    expect(clocked({ nodes: 3 }).sim.size()).toBe(12)
    const { sim } = clocked({ nodes: 300 })
    const ids = sim.nodeIds()
    expect(ids).toHaveLength(300)
    expect(new Set(ids).size).toBe(300)
    expect(sim.getNode(ids.find((id) => id.startsWith('node-200-')) ?? '')).toMatchObject({
      node_type: expect.any(String) as unknown,
    })
  })

  it('lists pages in no stable order (the order changes as rows update), total = page length', () => {
    const { sim, at } = clocked({ nodes: 50 })
    const first = sim.listNodes({ limit: 1000, offset: 0 }).map((n) => n.node_id)
    at(T0 + 10 * MIN)
    const later = sim.listNodes({ limit: 1000, offset: 0 }).map((n) => n.node_id)
    expect(later).not.toEqual(first)
    expect([...later].sort()).toEqual([...first].sort())
  })

  it('filters by role and reported status', () => {
    const { sim } = clocked()
    expect(sim.listNodes({ role: 'production', limit: 100, offset: 0 }).map((n) => n.node_id)).toEqual([
      DEMO_NODE_IDS.hetzner,
    ])
    expect(sim.listNodes({ status: 'maintenance', limit: 100, offset: 0 }).map((n) => n.node_id)).toEqual([
      DEMO_NODE_IDS.maintenance,
    ])
    expect(sim.listNodes({ status: 'online', limit: 2, offset: 0 })).toHaveLength(2)
  })

  it('lists 10,000 nodes in pages of 1,000, each node once', () => {
    const { sim } = clocked({ nodes: 10_000 })
    const seen = new Set<unknown>()
    let pages = 0
    for (let offset = 0; ; offset += 1000) {
      const page = sim.listNodes({ limit: 1000, offset })
      pages += 1
      for (const n of page) seen.add(n.node_id)
      if (page.length < 1000) break
    }
    expect(pages).toBe(11)
    expect(seen.size).toBe(10_000)
  })
})

describe('time', () => {
  it('the falling-silent node stops beating 90 s after start: online, then stale, then offline', () => {
    const { sim, at } = clocked()
    const id = DEMO_NODE_IDS.fallsSilent
    const state = (t: number) => {
      at(t)
      return livenessOf(lastBeat(sim, id), t, DEFAULT_THRESHOLDS)
    }
    expect(state(T0)).toBe('online')
    expect(state(T0 + SILENT_AFTER_MS)).toBe('online')
    at(T0 + 2 * MIN)
    const last = lastBeat(sim, id) ?? 0
    expect(last).toBeLessThanOrEqual(T0 + SILENT_AFTER_MS)
    expect(last).toBeGreaterThan(T0 + SILENT_AFTER_MS - 32_000)
    at(T0 + 30 * MIN)
    expect(lastBeat(sim, id)).toBe(last)
    // The registry never notices: the status stays "online".
    expect(sim.getNode(id)?.status).toBe('online')
    expect(state(last + 45_000)).toBe('online')
    expect(state(last + 45_001)).toBe('stale')
    expect(state(last + 120_001)).toBe('offline')
    // Everyone else keeps beating.
    at(T0 + 30 * MIN)
    expect(T0 + 30 * MIN - (lastBeat(sim, DEMO_NODE_IDS.hetzner) ?? 0)).toBeLessThan(32_000)
  })

  it('the orphan: the old id fell silent two hours before start, the new one beats', () => {
    const { sim } = clocked()
    expect(T0 - (lastBeat(sim, DEMO_NODE_IDS.orphanOld) ?? 0)).toBeGreaterThanOrEqual(2 * HOUR)
    expect(sim.getNode(DEMO_NODE_IDS.orphanOld)?.status).toBe('online')
    expect(T0 - (lastBeat(sim, DEMO_NODE_IDS.orphanNew) ?? 0)).toBeLessThan(32_000)
  })

  it('silence and resume a node at will', () => {
    const { sim, at } = clocked()
    const id = DEMO_NODE_IDS.hetzner
    sim.silence(id)
    at(T0 + 5 * MIN)
    expect(lastBeat(sim, id) ?? 0).toBeLessThanOrEqual(T0)
    sim.resume(id)
    at(T0 + 6 * MIN)
    expect(lastBeat(sim, id) ?? 0).toBeGreaterThan(T0 + 5 * MIN)
    // The silence stays in its history as a gap.
    const rows = sim.heartbeats(id, { since: T0, until: T0 + 6 * MIN, limit: 100 }) ?? []
    expect(
      rows.every((r) => {
        const ts = parseRegistryTime(r.timestamp) ?? 0
        return ts > T0 + 5 * MIN
      }),
    ).toBe(true)
  })
})

describe('history', () => {
  it('rows are newest first, about 30 s apart, within the range and the limit', () => {
    const { sim } = clocked()
    const rows = sim.heartbeats(DEMO_NODE_IDS.hetzner, { since: T0 - HOUR, until: T0, limit: 1000 }) ?? []
    const ts = rows.map((r) => parseRegistryTime(r.timestamp) ?? 0)
    expect(rows.length).toBeGreaterThanOrEqual(119)
    expect(rows.length).toBeLessThanOrEqual(121)
    for (let i = 1; i < ts.length; i++) {
      const gap = (ts[i - 1] ?? 0) - (ts[i] ?? 0)
      expect(gap).toBeGreaterThan(28_000)
      expect(gap).toBeLessThan(32_000)
    }
    expect(Math.min(...ts)).toBeGreaterThanOrEqual(T0 - HOUR)
    expect(Math.max(...ts)).toBeLessThanOrEqual(T0)
    expect(rows[0]?.metrics).toMatchObject({
      cpu_percent: expect.any(Number) as unknown,
      disk_free_gb: expect.any(Number) as unknown,
    })
    expect(sim.heartbeats(DEMO_NODE_IDS.hetzner, { since: 0, until: T0, limit: 7 })).toHaveLength(7)
  })

  it('has the past outage as a gap of 12 minutes, 3 hours before start', () => {
    const { sim } = clocked()
    const rows =
      sim.heartbeats(DEMO_NODE_IDS.pastOutage, { since: T0 - 4 * HOUR, until: T0 - 2 * HOUR, limit: 1000 }) ??
      []
    const ts = rows.map((r) => parseRegistryTime(r.timestamp) ?? 0)
    const gaps = ts
      .slice(1)
      .map((t, i) => (ts[i] ?? 0) - t)
      .filter((g) => g > 60_000)
    expect(gaps).toHaveLength(1)
    expect(gaps[0]).toBeGreaterThan(12 * MIN)
    expect(gaps[0]).toBeLessThan(13 * MIN)
  })

  it('buckets are oldest first, and a bucket without beats is absent', () => {
    const { sim } = clocked()
    const buckets =
      sim.buckets(DEMO_NODE_IDS.pastOutage, {
        since: T0 - 4 * HOUR,
        until: T0 - 2 * HOUR,
        bucketSeconds: 60,
      }) ?? []
    const starts = buckets.map((b) => parseRegistryTime(b.start) ?? 0)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    // 120 minutes, 12 of them silent (the edges may hold one beat).
    expect(buckets.length).toBeGreaterThanOrEqual(107)
    expect(buckets.length).toBeLessThanOrEqual(110)
    expect(buckets.every((b) => b.beats >= 1 && b.beats <= 3)).toBe(true)
    expect(starts.some((s) => s >= T0 - 3 * HOUR + MIN && s < T0 - 3 * HOUR + 11 * MIN)).toBe(false)
    expect(buckets[0]).toMatchObject({
      statuses: { online: expect.any(Number) as unknown },
      cpu_percent_avg: expect.any(Number) as unknown,
    })
  })

  it('the laptop is offline overnight: its hourly buckets skip the night', () => {
    const { sim } = clocked()
    const buckets =
      sim.buckets(DEMO_NODE_IDS.macbook, { since: T0 - 24 * HOUR, until: T0, bucketSeconds: 3600 }) ?? []
    const hours = buckets.map((b) => Math.round(((parseRegistryTime(b.start) ?? 0) - T0) / HOUR))
    for (let h = -13; h <= -7; h++) expect(hours).not.toContain(h)
    expect(hours).toContain(-3)
    expect(buckets.reduce((n, b) => n + b.beats, 0)).toBeLessThan(16 * 120 + 2)
  })

  it('a month of hourly buckets is computed on demand, not stored', () => {
    const { sim } = clocked()
    const buckets =
      sim.buckets(DEMO_NODE_IDS.hetzner, { since: T0 - 30 * 24 * HOUR, until: T0, bucketSeconds: 3600 }) ?? []
    expect(buckets.length).toBeGreaterThanOrEqual(719)
    expect(buckets.length).toBeLessThanOrEqual(721)
  })

  it('unknown nodes have no history', () => {
    const { sim } = clocked()
    expect(sim.heartbeats('nope', { since: 0, until: T0, limit: 10 })).toBeNull()
    expect(sim.buckets('nope', { since: 0, until: T0, bucketSeconds: 60 })).toBeNull()
  })
})
