import { describe, expect, it } from 'vitest'
import { registryBaseUrl } from '@/entities/node/api/registry-http.ts'
import { isDemoRegistry, parseRuntimeConfig } from './runtime-config.ts'

describe('runtime config from the console server', () => {
  it('keeps "/" as a registry on the same origin, not demo mode', () => {
    const c = parseRuntimeConfig({ registryUrl: '/', server: { events: '/api/v1/events' } })
    expect(isDemoRegistry(c)).toBe(false)
    expect(registryBaseUrl(c, 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080')
    expect(c.server?.events).toBe('/api/v1/events')
  })

  it('resolves a relative path against the origin and leaves an absolute URL alone', () => {
    expect(
      registryBaseUrl(parseRuntimeConfig({ registryUrl: '/registry/' }), 'https://console.example'),
    ).toBe('https://console.example/registry')
    expect(
      registryBaseUrl(parseRuntimeConfig({ registryUrl: 'https://registry.example/' }), 'https://x.example'),
    ).toBe('https://registry.example')
  })

  it('treats an empty registry URL as demo mode', () => {
    expect(isDemoRegistry(parseRuntimeConfig({ registryUrl: '  ' }))).toBe(true)
    expect(registryBaseUrl(parseRuntimeConfig({}), 'http://h')).toBe('http://h/demo-registry')
  })

  it('ignores a malformed server field instead of failing the start', () => {
    expect(parseRuntimeConfig({ server: 'yes' }).server).toBeUndefined()
    expect(parseRuntimeConfig({ server: { events: 42 } }).server?.events).toBeUndefined()
    expect(parseRuntimeConfig({ server: { events: '', extra: true } }).server?.events).toBeUndefined()
    expect(parseRuntimeConfig({}).server).toBeUndefined()
  })

  it("reads the incident bot's user id, and a malformed one as no bot", () => {
    expect(parseRuntimeConfig({ incidents: { botUserId: '@bot:m.example' } }).incidents).toEqual({
      botUserId: '@bot:m.example',
    })
    expect(parseRuntimeConfig({ incidents: { botUserId: 'bot' } }).incidents).toBeUndefined()
    expect(parseRuntimeConfig({}).incidents).toBeUndefined()
  })
})
