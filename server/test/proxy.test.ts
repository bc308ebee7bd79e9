import { request, type IncomingHttpHeaders } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { SLASH_NODE } from './fixtures/seed.ts'
import { startTestStack, type TestStack } from './test-server.ts'

describe('registry routes through the server', () => {
  let stack: TestStack
  const get = (p: string) => fetch(`${stack.url}${p}`)

  beforeAll(async () => {
    stack = await startTestStack({
      registryDatabaseUrl: inject('pgReader').a,
      registryAuthorization: 'Bearer upstream-secret',
      registryTimeoutMs: 300,
    })
  })
  afterAll(() => stack.close())

  it('relays the list, a node, its profile and the health, with the upstream Authorization kept server-side', async () => {
    const list = await get('/api/v1/nodes?limit=5&offset=0&evil=1')
    expect(list.status).toBe(200)
    const body = (await list.json()) as { nodes: { node_id: string }[]; total: number }
    expect(body.total).toBe(5)
    expect(stack.registry.lastAuthorization).toBe('Bearer upstream-secret')
    expect(JSON.stringify([...list.headers])).not.toContain('upstream-secret')

    // A node whose profile the simulator answers (node-8's answers 500, as on some deployments).
    const first = 'node-1-hetzner-gex44'
    const node = (await (await get(`/api/v1/nodes/${encodeURIComponent(first)}`)).json()) as {
      node_id: string
    }
    expect(node.node_id).toBe(first)
    const profile = (await (await get(`/api/v1/nodes/${encodeURIComponent(first)}/profile`)).json()) as {
      node_id: string
    }
    expect(profile.node_id).toBe(first)
    expect(((await (await get('/health')).json()) as { status: string }).status).toBeTypeOf('string')
    expect((await get('/api/v1/nodes/no-such-node')).status).toBe(404)
  })

  it('costs the registry one call for ten tabs asking at once', async () => {
    const before = stack.registry.requests.get('/api/v1/nodes') ?? 0
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => get('/api/v1/nodes?limit=1000&offset=0')),
    )
    expect(answers.every((r) => r.status === 200)).toBe(true)
    expect((stack.registry.requests.get('/api/v1/nodes') ?? 0) - before).toBe(1)
  })

  it('compresses a shared answer once for every tab that asks, in the encoding each accepts', async () => {
    const raw = (encoding: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const req = request(`${stack.url}/api/v1/nodes?limit=1000&offset=0`, {
          headers: { 'accept-encoding': encoding },
        })
        req.on('response', (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
        })
        req.on('error', reject).end()
      })
    const [a, b, br, plain] = await Promise.all([
      raw('gzip, deflate, br'),
      raw('gzip'),
      raw('br;q=1, gzip;q=0.5'),
      raw('identity'),
    ])
    expect(a.headers['content-encoding']).toBe('gzip')
    expect(a.headers.vary).toMatch(/Accept-Encoding/i)
    expect(b.body.equals(a.body)).toBe(true)
    expect(br.headers['content-encoding']).toBe('br')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(gunzipSync(a.body).toString('utf8')).toBe(plain.body.toString('utf8'))
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(plain.body.toString('utf8'))
    expect((JSON.parse(plain.body.toString('utf8')) as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0)
  })

  it('serves a node whose id the registry cannot route from the database', async () => {
    const res = await get(`/api/v1/nodes/${encodeURIComponent(SLASH_NODE.nodeId)}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      node_id: SLASH_NODE.nodeId,
      ip_address: '192.0.2.7',
      metadata: {},
    })
    const profile = await get(`/api/v1/nodes/${encodeURIComponent(SLASH_NODE.nodeId)}/profile`)
    expect(await profile.json()).toMatchObject({ node_id: SLASH_NODE.nodeId, modules: [], gpu: null })
    expect((await get(`/api/v1/nodes/${encodeURIComponent('a/b-unknown')}`)).status).toBe(404)
  })

  it('answers 502 with the reason when the registry is down or too slow', async () => {
    stack.registry.sim.setFault('down')
    const down = await get('/api/v1/nodes?limit=7')
    expect(down.status).toBe(502)
    expect(await down.json()).toEqual({
      detail: expect.stringMatching(/^The registry cannot be reached: /) as unknown,
    })
    stack.registry.sim.setFault('timeout')
    const slow = await get('/api/v1/nodes?limit=8')
    stack.registry.sim.setFault('none')
    expect(slow.status).toBe(502)
    expect(await slow.json()).toEqual({ detail: 'The registry cannot be reached: no answer within 300 ms.' })
    stack.registry.sim.setFault('malformed')
    const broken = await get('/api/v1/nodes?limit=9')
    stack.registry.sim.setFault('none')
    expect(await broken.json()).toEqual({
      detail: 'The registry answered HTTP 200 with something that is not JSON.',
    })
    expect((await get('/api/v1/nodes?limit=9')).status).toBe(200)
  })
})
