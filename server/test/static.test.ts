import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inlineScriptHashes } from '../src/http/content-security-policy.ts'
import { startTestStack, type TestStack } from './test-server.ts'

describe('the app, served', () => {
  let stack: TestStack
  beforeAll(async () => {
    stack = await startTestStack({
      homeserverUrl: 'https://matrix.example.org/',
      frameAncestors: "'self' https://ops.example",
    })
  })
  afterAll(() => stack.close())

  it('serves index.html with a strict CSP (the inline script hashed), no-cache and security headers', async () => {
    const res = await fetch(`${stack.url}/`)
    expect(res.status).toBe(200)
    const html = await res.text()
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain(`script-src 'self' ${inlineScriptHashes(html)[0] ?? 'missing'}`)
    expect(csp).toContain("connect-src 'self' https://matrix.example.org")
    expect(csp).toContain("worker-src 'self'")
    expect(csp).toContain("frame-ancestors 'self' https://ops.example")
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  it('answers app routes with the page, and unknown API paths with JSON 404', async () => {
    const page = await fetch(`${stack.url}/nodes/node-1.example`, { headers: { accept: 'text/html' } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    const api = await fetch(`${stack.url}/api/v1/nope`, { headers: { accept: 'text/html' } })
    expect(api.status).toBe(404)
    expect(await api.json()).toEqual({ detail: 'Not Found' })
  })

  it('caches hashed assets for a year and compresses them', async () => {
    const res = await fetch(`${stack.url}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'gzip' } })
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(await res.text()).toContain('xxxx')
  })

  it('writes config.json from its configuration: same-origin registry, no secrets, no stream without a database', async () => {
    const res = await fetch(`${stack.url}/config.json`)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      registryUrl: '/',
      homeserverUrl: 'https://matrix.example.org',
      heartbeatIntervalSeconds: 30,
    })
    expect(body).not.toHaveProperty('server')
    expect(JSON.stringify(body)).not.toContain('registryAuthorization')
    expect((await fetch(`${stack.url}/api/v1/events`)).status).toBe(404)
  })

  it('reports its parts in /healthz', async () => {
    const body = (await (await fetch(`${stack.url}/healthz`)).json()) as Record<string, unknown>
    expect(body).toEqual({
      status: 'ok',
      server: { ok: true, version: expect.any(String) as unknown },
      database: { ok: false, reason: 'no database configured (REGISTRY_DATABASE_URL)' },
      registry: { ok: true },
    })
  })
})
