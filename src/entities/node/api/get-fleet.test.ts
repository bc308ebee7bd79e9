import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createNode } from '@mocks/registry/factories.ts'
import { DEMO_NODE_IDS } from '@mocks/registry/demo-fleet.ts'
import { withRegistryServer } from '@mocks/node.ts'
import { HttpError } from '@/lib/http/fetch-json.ts'
import type { NodeEntry } from '../model/schemas.ts'
import { createRegistry } from './registry-http.ts'
import { getFleet, shareUnchanged, type FleetSnapshot } from './get-fleet.ts'
import { createFleetParser } from './fleet-parser.ts'

const NOW = Date.UTC(2026, 10, 29, 9, 0, 0)
const getServer = withRegistryServer({ seed: 42, nodes: 12, now: () => NOW })
const nodesUrl = (base: string) => `${base}/api/v1/nodes`

/** Answers the list route from `pages` by offset/limit, the way the service pages (any order, total = length). */
function pagedHandler(
  base: string,
  pages: (offset: number, limit: number) => unknown[],
  seen: string[] = [],
) {
  return http.get(nodesUrl(base), ({ request }) => {
    const url = new URL(request.url)
    seen.push(url.search)
    const nodes = pages(Number(url.searchParams.get('offset')), Number(url.searchParams.get('limit')))
    return HttpResponse.json({ nodes, total: nodes.length })
  })
}

function okNode(e: NodeEntry | undefined): Extract<NodeEntry, { kind: 'ok' }> {
  if (e?.kind !== 'ok') throw new Error('expected a usable node')
  return e
}

describe('getFleet against the simulated registry', () => {
  it('reads the whole demo fleet: every node once, the garbage node readable with its issues listed', async () => {
    const { registry } = getServer()
    const snap = await getFleet(registry)
    expect(snap.requests).toBe(1)
    expect(snap.complete).toBe(true)
    expect(snap.entries).toHaveLength(12)
    const ids = snap.entries.map((e) => (e.kind === 'ok' ? e.node.node_id : e.key))
    expect(new Set(ids).size).toBe(12)
    expect(ids).toEqual([...ids].sort())
    const garbage = snap.entries.find((e) => e.kind === 'ok' && e.node.node_id === DEMO_NODE_IDS.garbage)
    expect(garbage).toMatchObject({ kind: 'ok', node: { last_heartbeat: null, node_role: null } })
    expect(garbage?.kind === 'ok' && garbage.issues).toEqual(
      expect.arrayContaining(['last_heartbeat', 'node_role', 'local_ip', 'metadata']),
    )
    const banana = snap.entries.find((e) => e.kind === 'ok' && e.node.node_id === DEMO_NODE_IDS.unknownStatus)
    expect(banana?.kind === 'ok' && banana.node.status).toBe('banana')
  })

  it('pages a fleet larger than one page until the short page', async () => {
    const { server, baseUrl, registry } = getServer()
    const seen: string[] = []
    const all = Array.from({ length: 2_500 }, (_, i) => createNode({ node_id: `node-${i}` }))
    server.use(pagedHandler(baseUrl, (offset, limit) => all.slice(offset, offset + limit), seen))
    const snap = await getFleet(registry)
    expect(snap.entries).toHaveLength(2_500)
    expect(snap.requests).toBe(3)
    expect(seen).toEqual(['?limit=1000&offset=0', '?limit=1000&offset=1000', '?limit=1000&offset=2000'])
  })

  it('asks once more after a page of exactly the limit, and stops at the empty page', async () => {
    const { server, baseUrl, registry } = getServer()
    const all = Array.from({ length: 1_000 }, (_, i) => createNode({ node_id: `node-${i}` }))
    server.use(pagedHandler(baseUrl, (offset, limit) => all.slice(offset, offset + limit)))
    const snap = await getFleet(registry)
    expect(snap.entries).toHaveLength(1_000)
    expect(snap.requests).toBe(2)
  })

  it('keeps one entry per node id across unordered pages: the one with the newest heartbeat', async () => {
    const { server, baseUrl, registry } = getServer()
    const older = createNode({ node_id: 'node-a', status: 'old', last_heartbeat: '2026-11-29T08:59:00' })
    const newer = createNode({ node_id: 'node-a', status: 'new', last_heartbeat: '2026-11-29T08:59:30' })
    const pages = [[createNode({ node_id: 'node-c' }), newer], [older, createNode({ node_id: 'node-b' })], []]
    server.use(pagedHandler(baseUrl, (offset) => pages[offset / 2] ?? []))
    const snap = await getFleet(registry, undefined, { pageSize: 2 })
    expect(snap.entries.map((e) => okNode(e).node.node_id)).toEqual(['node-a', 'node-b', 'node-c'])
    expect(okNode(snap.entries[0]).node).toMatchObject({ status: 'new' })
  })

  it('stops when a full page brings nothing new (a server that ignores offset)', async () => {
    const { server, baseUrl, registry } = getServer()
    const page = [createNode({ node_id: 'x' }), createNode({ node_id: 'y' })]
    server.use(pagedHandler(baseUrl, () => page))
    const snap = await getFleet(registry, undefined, { pageSize: 2 })
    expect(snap.requests).toBe(2)
    expect(snap.entries).toHaveLength(2)
  })

  it('stops at the page cap when the server never sends a short page, and says the fleet is partial', async () => {
    const { server, baseUrl, registry } = getServer()
    server.use(
      pagedHandler(baseUrl, (offset) => [
        createNode({ node_id: `a${offset}` }),
        createNode({ node_id: `b${offset}` }),
      ]),
    )
    const snap = await getFleet(registry, undefined, { pageSize: 2, maxPages: 5 })
    expect(snap.requests).toBe(5)
    expect(snap.entries).toHaveLength(10)
    expect(snap.complete).toBe(false)
  })
})

describe('getFleet and the registry quirks', () => {
  async function fleetOf(nodes: unknown[]) {
    const { server, baseUrl, registry } = getServer()
    server.use(http.get(nodesUrl(baseUrl), () => HttpResponse.json({ nodes, total: nodes.length })))
    return getFleet(registry)
  }

  it('reads zone-less timestamps as UTC and keeps microsecond precision to the millisecond', async () => {
    const snap = await fleetOf([
      createNode({ node_id: 'naive', last_heartbeat: '2026-11-29T07:22:53.364044' }),
      createNode({ node_id: 'offset', last_heartbeat: '2026-11-29T09:22:53.364044+02:00' }),
      createNode({ node_id: 'zulu', last_heartbeat: '2026-11-29T07:22:53.364Z' }),
    ])
    const at = Date.UTC(2026, 10, 29, 7, 22, 53, 364)
    expect(snap.entries.map((e) => okNode(e).node.last_heartbeat)).toEqual([at, at, at])
  })

  it('keeps a null heartbeat, an unknown status, missing and extra fields', async () => {
    const snap = await fleetOf([
      createNode({ node_id: 'never', last_heartbeat: null }),
      createNode({ node_id: 'banana', status: 'banana' }),
      { node_id: 'bare' },
      createNode({ node_id: 'extra', shiny_new_column: { a: 1 } }),
    ])
    const byId = new Map(snap.entries.map((e) => [okNode(e).node.node_id, okNode(e)]))
    expect(byId.get('never')?.node.last_heartbeat).toBeNull()
    expect(byId.get('banana')?.node).toMatchObject({ status: 'banana' })
    expect(byId.get('bare')?.node).toMatchObject({ hostname: null, status: null, last_heartbeat: null })
    expect(byId.get('bare')?.issues).toEqual([])
    expect(byId.get('extra')?.issues).toEqual([])
  })

  it('degrades garbage fields to unknown and lists them as issues', async () => {
    const snap = await fleetOf([createNode({ node_id: 'g', metadata: 'oops', last_heartbeat: 'not a date' })])
    const g = okNode(snap.entries[0])
    expect(g.node.last_heartbeat).toBeNull()
    expect(g.node.metadata.capabilities.system).toBeNull()
    expect(g.issues).toEqual(['last_heartbeat', 'metadata'])
  })

  it('turns a record it cannot read into one invalid entry, with a key stable across polls', async () => {
    const nodes = [
      createNode({ node_id: 'good-1' }),
      { node_id: 42, hostname: '<b>x</b>' },
      'not even an object',
      createNode({ node_id: 'good-2' }),
    ]
    const a = await fleetOf(nodes)
    const b = await fleetOf([...nodes].reverse())
    expect(a.entries.filter((e) => e.kind === 'ok')).toHaveLength(2)
    const invalid = a.entries.filter((e) => e.kind === 'invalid')
    expect(invalid).toHaveLength(2)
    expect(invalid[0]).toMatchObject({
      kind: 'invalid',
      raw: expect.anything() as unknown,
      error: expect.stringContaining('node_id') as unknown,
    })
    expect(b.entries.map((e) => (e.kind === 'invalid' ? e.key : e.node.node_id))).toEqual(
      a.entries.map((e) => (e.kind === 'invalid' ? e.key : e.node.node_id)),
    )
  })

  it('fails with a parse error when the list itself has the wrong shape', async () => {
    const { server, baseUrl, registry } = getServer()
    server.use(http.get(nodesUrl(baseUrl), () => HttpResponse.json({ nodes: 'nope' })))
    await expect(getFleet(registry)).rejects.toMatchObject({ name: 'HttpError', kind: 'parse' })
  })
})

describe('getFleet failures are typed', () => {
  it.each([
    ['down', 'network', undefined],
    ['http500', 'http', 500],
    ['malformed', 'parse', 200],
  ] as const)('fault %s → HttpError %s', async (fault, kind, status) => {
    const { sim, registry } = getServer()
    sim.setFault(fault)
    try {
      const error = await getFleet(registry).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(HttpError)
      expect(error).toMatchObject({ kind, status })
    } finally {
      sim.setFault('none')
    }
  })

  it('a registry that never answers → HttpError timeout after the configured time', async () => {
    const { sim, baseUrl } = getServer()
    sim.setFault('timeout')
    try {
      const registry = createRegistry({ baseUrl, timeoutMs: 50 })
      await expect(getFleet(registry)).rejects.toMatchObject({ kind: 'timeout' })
    } finally {
      sim.setFault('none')
    }
  })

  it('an abort by the caller is not a timeout: the AbortError passes through', async () => {
    const { sim, registry } = getServer()
    sim.setFault('timeout')
    try {
      const ctrl = new AbortController()
      const p = getFleet(registry, ctrl.signal)
      ctrl.abort()
      await expect(p).rejects.toMatchObject({ name: 'AbortError' })
    } finally {
      sim.setFault('none')
    }
  })
})

describe('the Authorization header', () => {
  async function headerSent(authorization: string | undefined) {
    const { server, baseUrl } = getServer()
    let seen: string | null = 'not called'
    server.use(
      http.get(nodesUrl(baseUrl), ({ request }) => {
        seen = request.headers.get('Authorization')
        return HttpResponse.json({ nodes: [], total: 0 })
      }),
    )
    await getFleet(createRegistry({ baseUrl, authorization, timeoutMs: 1_000 }))
    return seen
  }

  it('is sent verbatim when configured', async () => {
    expect(await headerSent('Bearer s3cret')).toBe('Bearer s3cret')
  })

  it('is absent when not configured', async () => {
    expect(await headerSent(undefined)).toBeNull()
  })
})

describe('shareUnchanged', () => {
  // One parser, as one fleet query has: unchanged metadata parses to the same object pass after pass.
  const parser = createFleetParser()
  const pass = (raws: unknown[], at: number): FleetSnapshot => ({
    entries: raws.map((raw) => parser.entry(raw)),
    fetchedAt: at,
    startedAt: at,
    requests: 1,
    complete: true,
  })

  it('keeps the previous array when the registry answers the same again', async () => {
    const { registry } = getServer()
    const first = await getFleet(registry, undefined, { parser })
    expect(shareUnchanged(await getFleet(registry, undefined, { parser }), first).entries).toBe(first.entries)
  })

  it('keeps the object of every node that did not change, and takes the new one where anything did', () => {
    const a = createNode({ node_id: 'a', last_heartbeat: '2026-11-29T08:59:30' })
    const b = createNode({ node_id: 'b', last_heartbeat: '2026-11-29T08:59:30' })
    const c = createNode({ node_id: 'c', status: 'online' })
    const first = pass([a, b, c], 1)
    const next = pass([a, { ...b, last_heartbeat: '2026-11-29T09:00:00' }, { ...c, status: 'degraded' }], 2)
    const shared = shareUnchanged(next, first)
    expect(shared.entries[0]).toBe(first.entries[0])
    expect(shared.entries[1]).toBe(next.entries[1])
    expect(shared.entries[2]).toBe(next.entries[2])
    expect(shared.fetchedAt).toBe(2)
    // A change deep in the metadata counts too (its parse is cached by its JSON).
    const gpu = { ...a, metadata: { capabilities: { gpu: { name: 'RTX 4090' } } } }
    expect(shareUnchanged(pass([gpu, b, c], 3), first).entries[0]).not.toBe(first.entries[0])
  })

  it('compares unreadable records by what they hold', () => {
    const first = pass([{ node_id: 42, hostname: 'broken' }], 1)
    expect(shareUnchanged(pass([{ node_id: 42, hostname: 'broken' }], 2), first).entries).toBe(first.entries)
    expect(shareUnchanged(pass([{ node_id: 42, hostname: 'other' }], 2), first).entries).not.toBe(
      first.entries,
    )
  })
})
