import { describe, expect, it } from 'vitest'
import { DEMO_NODE_IDS } from '@mocks/registry/demo-fleet.ts'
import { withRegistryServer } from '@mocks/node.ts'
import { getNodeProfile } from './get-node-profile.ts'

const getServer = withRegistryServer({ seed: 1, now: () => Date.UTC(2026, 10, 29, 9) })

describe('getNodeProfile', () => {
  it('reads roles, GPU, modules with ports, version and VPN address', async () => {
    const p = await getNodeProfile(getServer().registry, DEMO_NODE_IDS.hetzner)
    expect(p.kind).toBe('ok')
    if (p.kind !== 'ok') return
    expect(p.profile.roles).toEqual(['core', 'gateway', 'matrix', 'agents', 'gpu'])
    expect(p.profile.gpu).toEqual({ name: 'NVIDIA RTX 4000 SFF Ada Generation', vram_gb: 20 })
    expect(p.profile.vpn_ip).toBe('10.42.0.1')
    expect(p.profile.modules.length).toBeGreaterThan(20)
    expect(p.profile.modules).toContainEqual(
      expect.objectContaining({ id: 'core.node-registry', port: 9205 }),
    )
    expect(p.profile.modules).toContainEqual(expect.objectContaining({ id: 'infra.nats', port: 4222 }))
  })

  it('a 500 resolves to unavailable (the node page shows the node without profile), with the text cut short', async () => {
    const p = await getNodeProfile(getServer().registry, DEMO_NODE_IDS.profileError)
    expect(p).toMatchObject({ kind: 'unavailable', reason: 'server-error', status: 500 })
    expect(p.kind === 'unavailable' && (p.detail?.length ?? 0) <= 200).toBe(true)
  })

  it('an unknown node resolves to unavailable: not-found', async () => {
    expect(await getNodeProfile(getServer().registry, 'node-nope')).toMatchObject({
      kind: 'unavailable',
      reason: 'not-found',
      status: 404,
    })
  })

  it('a network failure still throws, so it is retried', async () => {
    const { sim, registry } = getServer()
    sim.setFault('down')
    try {
      await expect(getNodeProfile(registry, DEMO_NODE_IDS.hetzner)).rejects.toMatchObject({ kind: 'network' })
    } finally {
      sim.setFault('none')
    }
  })
})
