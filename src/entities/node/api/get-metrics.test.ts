import { describe, expect, it } from 'vitest'
import { withRegistryServer } from '@mocks/node.ts'
import { getRegistryMetrics } from './get-metrics.ts'

const getServer = withRegistryServer({ seed: 42, nodes: 40, now: () => Date.UTC(2026, 10, 29, 9) })

describe('getRegistryMetrics', () => {
  it('reads the JSON metrics', async () => {
    const m = await getRegistryMetrics(getServer().registry)
    expect(m).toMatchObject({ service: 'node-registry', total_nodes: 40 })
    expect(m.timestamp).toBe(Date.UTC(2026, 10, 29, 9))
    expect((m.online_nodes ?? 0) + (m.offline_nodes ?? 0)).toBe(40)
  })

  it('a malformed body is a parse error', async () => {
    const { sim, registry } = getServer()
    sim.setFault('malformed')
    try {
      await expect(getRegistryMetrics(registry)).rejects.toMatchObject({ kind: 'parse' })
    } finally {
      sim.setFault('none')
    }
  })
})
