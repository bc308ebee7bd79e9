import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createHealth } from '@mocks/registry/factories.ts'
import { withRegistryServer } from '@mocks/node.ts'
import { getHealth } from './get-health.ts'

const getServer = withRegistryServer({ seed: 42, now: () => Date.UTC(2026, 10, 29, 9) })

describe('getHealth', () => {
  it("reads the service's health, whose network stats count a silent node as online", async () => {
    const h = await getHealth(getServer().registry)
    expect(h).toMatchObject({ status: 'healthy', service: 'node-registry', database: { connected: true } })
    // 12 nodes; "maintenance", "degraded" and "banana" are not "online"; the silent orphan still is.
    expect(h.network_stats).toEqual({
      total_nodes: 12,
      online_nodes: 9,
      offline_nodes: 3,
      uptime_percentage: 75,
    })
  })

  it('tolerates a degraded answer with missing parts', async () => {
    const { server, baseUrl, registry } = getServer()
    server.use(
      http.get(`${baseUrl}/health`, () =>
        HttpResponse.json({
          ...createHealth({ status: 'degraded' }),
          database: 'down',
          network_stats: undefined,
        }),
      ),
    )
    expect(await getHealth(registry)).toMatchObject({
      status: 'degraded',
      database: null,
      network_stats: null,
    })
  })

  it('fails with a parse error on a body that is not an object', async () => {
    const { server, baseUrl, registry } = getServer()
    server.use(http.get(`${baseUrl}/health`, () => HttpResponse.json(['healthy'])))
    await expect(getHealth(registry)).rejects.toMatchObject({ kind: 'parse' })
  })
})
