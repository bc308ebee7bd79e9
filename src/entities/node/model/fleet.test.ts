import { describe, expect, it } from 'vitest'
import { createCapabilities, createNode, type RawNode } from '@mocks/registry/factories.ts'
import { parseNodeEntry } from '../api/node-entry.ts'
import { deriveFleetRows, fleetCounts } from './fleet.ts'
import { DEFAULT_THRESHOLDS } from './liveness.ts'
import { formatRegistryTime } from '@mocks/registry/registry-time.ts'

const NOW = Date.UTC(2026, 10, 29, 9)
const beat = (agoMs: number) => formatRegistryTime(NOW - agoMs, 'naive')
const entry = (o: RawNode) => parseNodeEntry(createNode(o))
const rowsOf = (nodes: RawNode[]) => deriveFleetRows(nodes.map(entry), NOW, DEFAULT_THRESHOLDS)

describe('deriveFleetRows', () => {
  it('derives liveness and age from the heartbeat, never from the reported status', () => {
    const rows = rowsOf([
      { node_id: 'a', status: 'online', last_heartbeat: beat(5_000) },
      { node_id: 'b', status: 'online', last_heartbeat: beat(60_000) },
      { node_id: 'c', status: 'online', last_heartbeat: beat(600_000) },
      { node_id: 'd', status: 'offline', last_heartbeat: null },
      { node_id: 'e', status: 'online', last_heartbeat: beat(-30_000) },
    ])
    expect(rows.map((r) => [r.key, r.liveness, r.ageMs])).toEqual([
      ['a', 'online', 5_000],
      ['b', 'stale', 60_000],
      ['c', 'offline', 600_000],
      ['d', 'unknown', null],
      ['e', 'online', 0],
    ])
  })

  it('counts each state, and unreadable records apart', () => {
    const entries = [
      entry({ node_id: 'a', last_heartbeat: beat(1_000) }),
      entry({ node_id: 'b', last_heartbeat: beat(100_000) }),
      entry({ node_id: 'c', last_heartbeat: beat(1_000_000) }),
      entry({ node_id: 'd', last_heartbeat: null }),
      parseNodeEntry({ node_id: null }),
    ]
    const rows = deriveFleetRows(entries, NOW, DEFAULT_THRESHOLDS)
    expect(rows[4]).toMatchObject({ liveness: 'invalid', ageMs: null, orphan: null })
    expect(fleetCounts(rows)).toEqual({
      online: 1,
      stale: 1,
      offline: 1,
      unknown: 1,
      unreachable: 0,
      invalid: 1,
      total: 5,
    })
  })
})

describe('orphans', () => {
  it('flags the silent ids of a host whose one live id re-registered', () => {
    const rows = rowsOf([
      { node_id: 'old-1', hostname: 'worker-ams1', last_heartbeat: beat(7_200_000) },
      { node_id: 'old-2', hostname: 'Worker-AMS1', last_heartbeat: null },
      { node_id: 'new', hostname: 'worker-ams1', last_heartbeat: beat(3_000) },
      { node_id: 'lonely', hostname: 'worker-x', last_heartbeat: beat(7_200_000) },
    ])
    expect(rows.map((r) => r.orphan?.aliveNodeId ?? null)).toEqual(['new', 'new', null, null])
    expect(rows[0]?.orphan?.hostname).toBe('worker-ams1')
  })

  it('takes the hostname from the capabilities when the column is empty', () => {
    const caps = createCapabilities({ system: { hostname: 'gpu-box' } })
    const rows = rowsOf([
      { node_id: 'old', hostname: null, metadata: { capabilities: caps }, last_heartbeat: beat(600_000) },
      { node_id: 'new', hostname: 'gpu-box', last_heartbeat: beat(1_000) },
    ])
    expect(rows[0]?.orphan).toEqual({ hostname: 'gpu-box', aliveNodeId: 'new' })
  })

  it('flags nothing when none or several of the ids are alive, and counts only online as alive', () => {
    const none = rowsOf([
      { node_id: 'a', hostname: 'h', last_heartbeat: beat(600_000) },
      { node_id: 'b', hostname: 'h', last_heartbeat: beat(900_000) },
    ])
    const two = rowsOf([
      { node_id: 'a', hostname: 'h', last_heartbeat: beat(1_000) },
      { node_id: 'b', hostname: 'h', last_heartbeat: beat(2_000) },
      { node_id: 'c', hostname: 'h', last_heartbeat: beat(900_000) },
    ])
    // Stale is not alive: with one online and one stale, the stale one is the orphan.
    const stale = rowsOf([
      { node_id: 'a', hostname: 'h', last_heartbeat: beat(1_000) },
      { node_id: 'b', hostname: 'h', last_heartbeat: beat(45_001) },
    ])
    expect(none.some((r) => r.orphan)).toBe(false)
    expect(two.some((r) => r.orphan)).toBe(false)
    expect(stale.map((r) => r.orphan?.aliveNodeId ?? null)).toEqual([null, 'a'])
  })

  it('changes with time: an orphan appears once the old id has gone quiet', () => {
    const entries = [
      entry({ node_id: 'old', hostname: 'h', last_heartbeat: beat(20_000) }),
      entry({ node_id: 'new', hostname: 'h', last_heartbeat: beat(1_000) }),
    ]
    expect(deriveFleetRows(entries, NOW, DEFAULT_THRESHOLDS)[0]?.orphan).toBeNull()
    // old: 45,000 ms → still online; one ms later stale, while new (26,001 ms) is online.
    expect(deriveFleetRows(entries, NOW + 25_000, DEFAULT_THRESHOLDS)[0]?.orphan).toBeNull()
    expect(deriveFleetRows(entries, NOW + 25_001, DEFAULT_THRESHOLDS)[0]?.orphan?.aliveNodeId).toBe('new')
  })

  it('stays flagged while the registry cannot be read and the live id is unknown', () => {
    const entries = [
      entry({ node_id: 'old', hostname: 'h', last_heartbeat: beat(7_200_000) }),
      entry({ node_id: 'new', hostname: 'h', last_heartbeat: beat(1_000) }),
    ]
    // Unreachable since NOW: ten minutes on, the live id's liveness is unknown, not offline.
    const rows = deriveFleetRows(entries, NOW + 600_000, DEFAULT_THRESHOLDS, NOW)
    expect(rows.map((r) => r.liveness)).toEqual(['offline', 'unreachable'])
    expect(rows[0]?.orphan).toEqual({ hostname: 'h', aliveNodeId: 'new' })
    // Once reads succeed, the new data decides: the live id went silent too, so there is no orphan.
    expect(deriveFleetRows(entries, NOW + 600_000, DEFAULT_THRESHOLDS)[0]?.orphan).toBeNull()
  })
})

describe('at 10,000 nodes', () => {
  it('derives every row in linear time (well under a frame budget per tick on a slow machine)', () => {
    // Built from one parsed template: parsing 10,000 factory nodes would only time the test's setup.
    const template = entry({ node_id: 'template' })
    if (template.kind !== 'ok') throw new Error('the factory node should parse')
    const entries = Array.from({ length: 10_000 }, (_, i) => ({
      ...template,
      node: {
        ...template.node,
        node_id: `n${i}`,
        hostname: `h${i % 5_000}`,
        last_heartbeat: NOW - ((i * 37) % 200_000),
      },
    }))
    deriveFleetRows(entries, NOW, DEFAULT_THRESHOLDS)
    const t0 = performance.now()
    const rows = deriveFleetRows(entries, NOW, DEFAULT_THRESHOLDS)
    const ms = performance.now() - t0
    expect(rows).toHaveLength(10_000)
    expect(fleetCounts(rows).total).toBe(10_000)
    // Typically 2-5 ms; the bound is generous so a busy CI does not flake.
    expect(ms).toBeLessThan(250)
  })
})

describe('a registry outage is not a fleet outage', () => {
  it('shows nodes beating at the last good read as unreachable, never offline, however long it lasts', () => {
    // Ten nodes beating every 10 s; the last good read was at NOW; the registry is down for 25 s, then 10 min.
    const entries = Array.from({ length: 10 }, (_, i) =>
      entry({ node_id: `n${i}`, last_heartbeat: beat(i * 1_000) }),
    )
    const silent = entry({ node_id: 'gone', last_heartbeat: beat(3_600_000) })
    for (const downMs of [25_000, 60_000, 600_000]) {
      const rows = deriveFleetRows([...entries, silent], NOW + downMs, DEFAULT_THRESHOLDS, NOW)
      const c = fleetCounts(rows)
      expect(c.offline).toBe(1)
      expect(rows.find((r) => r.key === 'gone')?.liveness).toBe('offline')
      // The first seconds of the outage: still online by age; after that, unknown rather than stale or offline.
      expect(c.stale).toBe(0)
      expect(c.online + c.unreachable).toBe(10)
    }
    // Reads succeed again: liveness is judged from the new data.
    const back = deriveFleetRows(entries, NOW + 600_000, DEFAULT_THRESHOLDS, null)
    expect(fleetCounts(back).offline).toBe(10)
  })
})
