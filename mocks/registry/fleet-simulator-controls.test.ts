import { describe, expect, it } from 'vitest'
import { all, clocked, lastBeat, T0 } from './testing/clocked-simulator.ts'

const HOUR = 3_600_000

describe('writes and controls', () => {
  it('registers a new node under a fresh id, and takes its heartbeats', () => {
    const { sim, at } = clocked()
    const node = sim.register({ node_role: 'worker', node_type: 'worker', hostname: 'myhost' })
    expect(node.node_id).toMatch(/^node-myhost-[0-9a-f]{8}$/)
    expect(node.last_heartbeat).toBeNull()
    const again = sim.register({ node_role: 'worker', node_type: 'worker', hostname: 'myhost' })
    expect(again.node_id).not.toBe(node.node_id)
    at(T0 + 1_000)
    expect(
      sim.heartbeat({ node_id: String(node.node_id), status: 'banana', metrics: { cpu_percent: 1 } }),
    ).toBe(true)
    expect(sim.getNode(String(node.node_id))).toMatchObject({ status: 'banana' })
    expect(lastBeat(sim, String(node.node_id))).toBe(T0 + 1_000)
    expect(sim.heartbeats(String(node.node_id), { since: 0, until: T0 + 1_000, limit: 10 })).toHaveLength(1)
    expect(sim.heartbeat({ node_id: 'nope' })).toBe(false)
    expect(sim.size()).toBe(14)
  })

  it('serves an added node verbatim, markup and all', () => {
    const { sim } = clocked()
    const raw = {
      node_id: '<img src=x onerror=alert(1)>',
      node_name: '<script>alert(1)</script>',
      metadata: { x: '<b>' },
    }
    sim.addNode(raw)
    expect(sim.getNode('<img src=x onerror=alert(1)>')).toEqual(raw)
    expect(all(sim)).toContainEqual(raw)
  })

  it('tells listeners about control changes', () => {
    const { sim } = clocked()
    const seen: string[] = []
    const off = sim.subscribe(() => seen.push(sim.fault))
    sim.setFault('down')
    sim.setFault('none')
    off()
    sim.setFault('http500')
    expect(seen).toEqual(['down', 'none'])
    expect(sim.historyRoute).toBe(true)
    sim.setHistoryRoute(false)
    expect(sim.historyRoute).toBe(false)
  })

  it("health counts the status column, like the service: a silent node is still 'online'", () => {
    const { sim, at } = clocked()
    at(T0 + HOUR)
    expect(sim.health()).toMatchObject({
      status: 'healthy',
      network_stats: { total_nodes: 12, online_nodes: 9, offline_nodes: 3 },
    })
    expect(sim.metrics()).toMatchObject({ total_nodes: 12, online_nodes: 9 })
  })
})
