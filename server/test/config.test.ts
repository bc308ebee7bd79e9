import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appConfigJson } from '../src/config/app-config.ts'
import { loadConfig } from '../src/config/config.ts'

const file = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'console-config-')), 'config.json')
  writeFileSync(path, content)
  return path
}

describe('the server configuration', () => {
  it('has working defaults: the demo on 127.0.0.1:8080', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', frameAncestors: "'none'" })
    expect(c.registryUrl).toBeUndefined()
  })

  it('reads the environment over the file, numbers from text', () => {
    const path = file(
      JSON.stringify({ registryUrl: 'http://file.example', port: 9000, chatRoom: '#ops:example' }),
    )
    const c = loadConfig({ CONSOLE_CONFIG: path, REGISTRY_URL: 'http://env.example:9205/', PORT: '4000' })
    expect(c).toMatchObject({ registryUrl: 'http://env.example:9205', port: 4000, chatRoom: '#ops:example' })
  })

  it('stops with a message naming each bad variable and what is wrong', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', REGISTRY_URL: 'ftp://x', REGISTRY_DATABASE_URL: 'mysql://db' }),
    ).toThrow(
      /PORT: must be a number[\s\S]*REGISTRY_URL: must be an http\(s\) URL[\s\S]*REGISTRY_DATABASE_URL: must be a postgres:\/\/ URL/,
    )
    expect(() => loadConfig({ BOT_LANGUAGE: 'fr' })).toThrow(/BOT_LANGUAGE: /)
  })

  it('names the file and its key for a bad file value, unknown keys, or a file that is not JSON', () => {
    const bad = file(JSON.stringify({ registryTimeoutMs: -5 }))
    expect(() => loadConfig({ CONSOLE_CONFIG: bad })).toThrow(`registryTimeoutMs in ${bad}`)
    expect(() => loadConfig({ CONSOLE_CONFIG: file('{"registyUrl": "x"}') })).toThrow(
      /unknown keys .*: registyUrl/,
    )
    expect(() => loadConfig({ CONSOLE_CONFIG: file('{nope') })).toThrow(/is not JSON/)
    expect(() => loadConfig({ CONSOLE_CONFIG: '/no/such/file.json' })).toThrow(
      /cannot read \/no\/such\/file\.json/,
    )
  })

  it('gives the app the same origin as its registry and keeps the upstream secret out', () => {
    const c = loadConfig({
      REGISTRY_URL: 'http://r.example',
      REGISTRY_AUTHORIZATION: 'Bearer s3cret',
      HOMESERVER_URL: 'https://m.example',
    })
    const app = appConfigJson(c, { events: true })
    expect(app).toMatchObject({
      registryUrl: '/',
      homeserverUrl: 'https://m.example',
      server: { events: '/api/v1/events' },
    })
    expect(JSON.stringify(app)).not.toContain('s3cret')
    expect(JSON.stringify(app)).not.toContain('r.example')
  })

  it("announces the incident bot's user id to the app only when a bot posts into a room", () => {
    const bot = { BOT_USER_ID: '@bot:m.example', BOT_ROOM_ID: '!ops:m.example', BOT_ACCESS_TOKEN: 't0ken' }
    const app = appConfigJson(loadConfig(bot), { events: false })
    expect(app.incidents).toEqual({ botUserId: '@bot:m.example' })
    expect(JSON.stringify(app)).not.toContain('t0ken')
    expect(
      appConfigJson(loadConfig({ BOT_USER_ID: '@bot:m.example' }), { events: false }),
    ).not.toHaveProperty('incidents')
    expect(() => loadConfig({ BOT_USER_ID: 'bot' })).toThrow(/BOT_USER_ID: must be a user id/)
  })
})
