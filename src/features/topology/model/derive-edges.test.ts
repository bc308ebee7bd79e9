import { describe, expect, it } from 'vitest'
import type { Liveness } from '@/entities/node/model/liveness.ts'
import type { NodeProfile } from '@/entities/node/model/schemas.ts'
import { servicesInText } from '@/entities/node/model/hub-services.ts'
import {
  deriveTopology,
  REGISTRY_HUB_ID,
  selectProfileCandidates,
  type ServiceEdge,
  type TopologyRowInput,
} from './derive-edges.ts'

function row(
  id: string,
  opts: { role?: string; type?: string; liveness?: Liveness; services?: string[] } = {},
): TopologyRowInput {
  return {
    node: {
      node_id: id,
      node_role: opts.role ?? 'worker',
      node_type: opts.type ?? 'worker',
      metadata: {
        capabilities: { system: null, services: opts.services ?? [], features: [], gpu: null, ollama: null },
        first_registration: null,
        last_registration: null,
      },
    },
    liveness: opts.liveness ?? 'online',
  }
}

function profile(id: string, roles: string[], modules: string[]): NodeProfile {
  return {
    node_id: id,
    name: id,
    role: null,
    type: null,
    ip_address: null,
    hostname: null,
    status: null,
    roles,
    gpu: null,
    modules: modules.map((m) => ({ id: m, status: 'up' })),
    version: null,
    vpn_ip: null,
  }
}

const serviceEdges = (edges: ReturnType<typeof deriveTopology>['edges']) =>
  edges.filter((e): e is ServiceEdge => e.kind === 'service')

describe('servicesInText', () => {
  it('matches whole tokens of dotted and dashed ids only', () => {
    expect(
      [...servicesInText(['infra.nats', 'dagi-router', 'matrix.synapse', 'core.registry'])].sort(),
    ).toEqual(['matrix', 'nats', 'registry', 'router'])
    expect(servicesInText(['routerless', 'natsume', 'gatewayish']).size).toBe(0)
  })
})

describe('deriveTopology', () => {
  it('gives every node a heartbeat edge to the registry, broken unless online', () => {
    const { edges } = deriveTopology(
      [
        row('a', { liveness: 'online' }),
        row('b', { liveness: 'stale' }),
        row('c', { liveness: 'offline' }),
        row('d', { liveness: 'unknown' }),
      ],
      new Map(),
    )
    const hb = edges.filter((e) => e.kind === 'heartbeat')
    expect(hb.map((e) => [e.from, e.to, e.state])).toEqual([
      ['a', REGISTRY_HUB_ID, 'ok'],
      ['b', REGISTRY_HUB_ID, 'broken'],
      ['c', REGISTRY_HUB_ID, 'broken'],
      ['d', REGISTRY_HUB_ID, 'broken'],
    ])
  })

  it('reads hubs from a cached profile in preference to the fleet list', () => {
    const rows = [row('prod', { role: 'production', type: 'worker' }), row('w1')]
    const profiles = new Map([
      [
        'prod',
        profile('prod', ['core', 'gateway'], ['infra.nats', 'ai.router', 'matrix.synapse', 'core.registry']),
      ],
    ])
    const t = deriveTopology(rows, profiles)
    expect(t.hubs).toEqual([
      { nodeId: 'prod', services: ['router', 'gateway', 'nats', 'matrix'], source: 'profile' },
    ])
    expect(t.registryHost).toBe('prod')
    expect(serviceEdges(t.edges)).toEqual([
      {
        kind: 'service',
        from: 'w1',
        to: 'prod',
        services: ['router', 'gateway', 'nats', 'matrix'],
        methods: ['NATS', 'HTTP'],
        state: 'ok',
      },
    ])
  })

  it('falls back to capabilities.services and node_type without a profile', () => {
    const t = deriveTopology(
      [row('gw', { type: 'gateway', services: ['nats-server'] }), row('w1'), row('r', { type: 'router' })],
      new Map(),
    )
    expect(t.hubs.map((h) => [h.nodeId, h.services, h.source])).toEqual([
      ['gw', ['gateway', 'nats'], 'fleet'],
      ['r', ['router'], 'fleet'],
    ])
    const w1 = serviceEdges(t.edges).filter((e) => e.from === 'w1')
    expect(w1.map((e) => [e.to, e.methods])).toEqual([
      ['r', ['HTTP']],
      ['gw', ['NATS', 'HTTP']],
    ])
    // A hub links to the providers of the services it lacks, never to itself.
    expect(
      serviceEdges(t.edges)
        .filter((e) => e.from === 'gw')
        .map((e) => e.to),
    ).toEqual(['r'])
  })

  it('adds SSH from development and backup nodes to a production hub', () => {
    const t = deriveTopology(
      [
        row('node-1', { role: 'production', type: 'router', services: ['nats'] }),
        row('node-2', { role: 'development', type: 'worker' }),
        row('w', { role: 'worker' }),
      ],
      new Map(),
    )
    const byFrom = Object.fromEntries(serviceEdges(t.edges).map((e) => [e.from, e.methods]))
    expect(byFrom).toEqual({ 'node-2': ['NATS', 'HTTP', 'SSH'], w: ['NATS', 'HTTP'] })
  })

  it('chooses providers by role then id, not by liveness, and breaks links to a silent hub', () => {
    const rows = [
      row('z-prod', { role: 'production', type: 'router', liveness: 'offline' }),
      row('a-dev', { role: 'development', type: 'router' }),
      row('w'),
    ]
    const t = deriveTopology(rows, new Map())
    const w = serviceEdges(t.edges).find((e) => e.from === 'w')
    expect(w?.to).toBe('z-prod')
    expect(w?.state).toBe('broken')
  })

  it('is pure: same input, same output', () => {
    const rows = [row('a', { type: 'router' }), row('b'), row('c', { liveness: 'stale' })]
    expect(deriveTopology(rows, new Map())).toEqual(deriveTopology(rows, new Map()))
  })
})

describe('selectProfileCandidates', () => {
  it('picks a bounded set of likely hubs, production first', () => {
    const rows = [
      row('w1'),
      row('r2', { type: 'router' }),
      row('p', { role: 'production' }),
      row('g', { type: 'gateway' }),
      row('s', { services: ['matrix'] }),
      row('r1', { type: 'router' }),
    ]
    expect(selectProfileCandidates(rows, 3)).toEqual(['p', 'g', 'r1'])
    expect(selectProfileCandidates(rows)).toHaveLength(4)
  })
})
