import { describe, expect, it } from 'vitest'
import { bundleServiceEdges } from './aggregate-edges.ts'
import type { Topology } from './derive-edges.ts'

describe('bundleServiceEdges', () => {
  it('merges service edges per source group and hub, counting broken ones', () => {
    const topology: Topology = {
      hubs: [{ nodeId: 'hub', services: ['nats', 'router'], source: 'fleet' }],
      registryHost: null,
      edges: [
        { kind: 'heartbeat', from: 'a', to: '@registry', method: 'heartbeat', state: 'ok' },
        { kind: 'service', from: 'a', to: 'hub', services: ['nats'], methods: ['NATS'], state: 'ok' },
        {
          kind: 'service',
          from: 'b',
          to: 'hub',
          services: ['router'],
          methods: ['HTTP', 'SSH'],
          state: 'broken',
        },
        { kind: 'service', from: 'c', to: 'hub', services: ['nats'], methods: ['NATS'], state: 'ok' },
      ],
    }
    const group: Record<string, string> = { a: 'worker', b: 'worker', c: 'development' }
    expect(bundleServiceEdges(topology, (id) => group[id] ?? null)).toEqual([
      {
        from: 'worker',
        to: 'hub',
        methods: ['NATS', 'HTTP', 'SSH'],
        services: ['nats', 'router'],
        total: 2,
        broken: 1,
      },
      { from: 'development', to: 'hub', methods: ['NATS'], services: ['nats'], total: 1, broken: 0 },
    ])
  })
})
