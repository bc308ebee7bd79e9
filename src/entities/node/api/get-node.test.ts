import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { DEMO_NODE_IDS } from '@mocks/registry/demo-fleet.ts'
import { createNode } from '@mocks/registry/factories.ts'
import { withRegistryServer } from '@mocks/node.ts'
import { getNode } from './get-node.ts'

const NOW = Date.UTC(2026, 10, 29, 9, 0, 0)
const getServer = withRegistryServer({ seed: 7, now: () => NOW })

describe('getNode', () => {
  it('reads a node with its capabilities', async () => {
    const n = await getNode(getServer().registry, DEMO_NODE_IDS.hetzner)
    expect(n).toMatchObject({
      kind: 'ok',
      issues: [],
      node: {
        node_id: 'node-1-hetzner-gex44',
        node_role: 'production',
        node_type: 'router',
        hostname: 'gex44',
        metadata: {
          capabilities: { gpu: { available: true, gpus: ['NVIDIA RTX 4000 SFF Ada Generation'] } },
        },
      },
    })
    // The service writes naive UTC; the node's last beat is within one interval of now.
    const lb = n.kind === 'ok' ? n.node.last_heartbeat : null
    expect(NOW - (lb ?? 0)).toBeLessThanOrEqual(32_000)
  })

  it('answers a typed not-found for an id the registry does not know', async () => {
    expect(await getNode(getServer().registry, 'node-nope')).toEqual({
      kind: 'not-found',
      nodeId: 'node-nope',
    })
  })

  it('escapes the id in the path', async () => {
    const { server, baseUrl, registry } = getServer()
    let path = ''
    server.use(
      http.get(`${baseUrl}/api/v1/nodes/:id`, ({ request }) => {
        path = new URL(request.url).pathname
        return HttpResponse.json(createNode({ node_id: 'a/b?c' }))
      }),
    )
    await getNode(registry, 'a/b?c')
    expect(path).toBe('/api/v1/nodes/a%2Fb%3Fc')
  })

  it('keeps an unreadable answer as an invalid entry instead of failing', async () => {
    const { server, baseUrl, registry } = getServer()
    server.use(http.get(`${baseUrl}/api/v1/nodes/:id`, () => HttpResponse.json({ hello: 'world' })))
    expect(await getNode(registry, 'x')).toMatchObject({ kind: 'invalid', raw: { hello: 'world' } })
  })

  it('still throws for a server error, so it is retried and shown as an error', async () => {
    const { sim, registry } = getServer()
    sim.setFault('http500')
    try {
      await expect(getNode(registry, DEMO_NODE_IDS.hetzner)).rejects.toMatchObject({
        kind: 'http',
        status: 500,
      })
    } finally {
      sim.setFault('none')
    }
  })
})
