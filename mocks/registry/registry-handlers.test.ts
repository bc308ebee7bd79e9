import { describe, expect, it } from 'vitest'
import { DEMO_NODE_IDS } from './demo-fleet.ts'
import { withRegistryServer } from '../node.ts'

const T0 = Date.UTC(2026, 10, 29, 9)
const getServer = withRegistryServer({ seed: 42, nodes: 30, now: () => T0 })

async function call(path: string, init?: RequestInit) {
  const res = await fetch(`${getServer().baseUrl}${path}`, init)
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Kept as text: the malformed fault.
  }
  return { status: res.status, body }
}

const post = (path: string, body: unknown) =>
  call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

describe('the list route', () => {
  it('pages with limit and offset; total is the page length', async () => {
    const a = await call('/api/v1/nodes?limit=20&offset=0')
    const b = await call('/api/v1/nodes?limit=20&offset=20')
    expect(a).toMatchObject({ status: 200, body: { total: 20 } })
    expect(b).toMatchObject({ status: 200, body: { total: 10 } })
    expect((await call('/api/v1/nodes')).body).toMatchObject({ total: 30 })
  })

  it.each(['limit=0', 'limit=1001', 'limit=abc', 'offset=-1'])(
    'rejects %s with a 422 detail list',
    async (q) => {
      const r = await call(`/api/v1/nodes?${q}`)
      expect(r.status).toBe(422)
      expect(r.body).toMatchObject({ detail: [{ loc: ['query', q.split('=')[0]] }] })
    },
  )

  it('filters by role', async () => {
    const r = await call('/api/v1/nodes?role=production')
    expect(r.body).toMatchObject({ total: 1, nodes: [{ node_id: DEMO_NODE_IDS.hetzner }] })
  })
})

describe('one node', () => {
  it('get, 404 with the detail text, profile 500 with raw SQL in it', async () => {
    expect((await call(`/api/v1/nodes/${DEMO_NODE_IDS.macbook}`)).body).toMatchObject({
      node_id: DEMO_NODE_IDS.macbook,
    })
    expect(await call('/api/v1/nodes/node-x')).toEqual({
      status: 404,
      body: { detail: 'Node not found: node-x' },
    })
    const p = await call(`/api/v1/nodes/${DEMO_NODE_IDS.profileError}/profile`)
    expect(p.status).toBe(500)
    expect(p.body).toMatchObject({ detail: expect.stringContaining('SELECT') as unknown })
    expect((await call(`/api/v1/nodes/${DEMO_NODE_IDS.macbook}/profile`)).body).toMatchObject({
      gpu: { name: 'Apple M4 Max', unified_memory_gb: 128 },
    })
  })

  it('answers an id with markup when it is escaped in the path', async () => {
    const id = '<img src=x onerror=alert(1)>'
    getServer().sim.addNode({ node_id: id, node_name: id })
    expect((await call(`/api/v1/nodes/${encodeURIComponent(id)}`)).body).toEqual({
      node_id: id,
      node_name: id,
    })
  })
})

describe('history', () => {
  const path = `/api/v1/nodes/${DEMO_NODE_IDS.hetzner}/heartbeats`
  const since = new Date(T0 - 3_600_000).toISOString()

  it('rows newest first, at most limit', async () => {
    const r = await call(`${path}?since=${since}&limit=5`)
    expect(r).toMatchObject({ status: 200, body: { node_id: DEMO_NODE_IDS.hetzner, total: 5 } })
    const rows = (r.body as { heartbeats: { timestamp: string }[] }).heartbeats
    expect(rows.map((h) => h.timestamp)).toEqual(
      rows
        .map((h) => h.timestamp)
        .sort()
        .reverse(),
    )
  })

  it('buckets with bucket=', async () => {
    const r = await call(`${path}?since=${since}&bucket=600`)
    expect(r).toMatchObject({ status: 200, body: { bucket_seconds: 600 } })
    expect((r.body as { buckets: unknown[] }).buckets.length).toBeGreaterThanOrEqual(6)
  })

  it('validates limit (max 10000), bucket and times', async () => {
    expect((await call(`${path}?limit=10001`)).status).toBe(422)
    expect((await call(`${path}?limit=10000`)).status).toBe(200)
    expect((await call(`${path}?bucket=0`)).status).toBe(422)
    expect((await call(`${path}?since=yesterday`)).status).toBe(422)
    expect((await call('/api/v1/nodes/nope/heartbeats')).status).toBe(404)
  })

  it('is a plain 404 when switched off: the service as it is', async () => {
    const { sim } = getServer()
    sim.setHistoryRoute(false)
    try {
      expect(await call(path)).toEqual({ status: 404, body: { detail: 'Not Found' } })
    } finally {
      sim.setHistoryRoute(true)
    }
  })
})

describe('writes', () => {
  it('register validates role and type, then creates a node', async () => {
    expect((await post('/api/v1/nodes/register', { node_role: 'boss', node_type: 'worker' })).status).toBe(
      422,
    )
    const r = await post('/api/v1/nodes/register', {
      node_role: 'worker',
      node_type: 'worker',
      hostname: 'h1',
    })
    expect(r).toMatchObject({ status: 200, body: { node_id: expect.stringMatching(/^node-h1-/) as unknown } })
  })

  it('heartbeat: 404 for an unknown node, success for a known one; the README path is a 404', async () => {
    expect(await post('/api/v1/nodes/heartbeat', { node_id: 'nope' })).toEqual({
      status: 404,
      body: { detail: 'Node not found: nope' },
    })
    const ok = await post('/api/v1/nodes/heartbeat', { node_id: DEMO_NODE_IDS.hetzner, status: 'online' })
    expect(ok).toMatchObject({ status: 200, body: { success: true, node_id: DEMO_NODE_IDS.hetzner } })
    expect((await post(`/api/v1/nodes/${DEMO_NODE_IDS.hetzner}/heartbeat`, {})).status).toBe(404)
  })
})

describe('faults', () => {
  it('down is a network error, http500 a 500, malformed a broken body', async () => {
    const { sim } = getServer()
    try {
      sim.setFault('down')
      await expect(call('/health')).rejects.toThrow()
      sim.setFault('http500')
      expect((await call('/health')).status).toBe(500)
      sim.setFault('malformed')
      expect(await call('/api/v1/nodes')).toEqual({ status: 200, body: '{"nodes": [' })
    } finally {
      sim.setFault('none')
    }
  })

  it('timeout hangs until the fault ends, then fails like a dropped connection', async () => {
    const { sim, server } = getServer()
    sim.setFault('timeout')
    const reached = new Promise<void>((resolve) => {
      const seen = () => {
        server.events.removeListener('request:start', seen)
        resolve()
      }
      server.events.on('request:start', seen)
    })
    const pending = call('/health')
    let settled = false
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    )
    await reached
    // Let the handler run and anything already resolved settle (a turn of the event loop, not a wait).
    await new Promise((r) => setTimeout(r, 0))
    expect(settled).toBe(false)
    sim.setFault('none')
    await expect(pending).rejects.toThrow()
    expect((await call('/health')).status).toBe(200)
  })
})
