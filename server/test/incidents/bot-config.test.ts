import { describe, expect, it } from 'vitest'
import { readBotConfig } from '../../src/incidents/bot-config.ts'

const valid = {
  BOT_HOMESERVER_URL: 'http://127.0.0.1:8008/',
  BOT_ACCESS_TOKEN: 'syt_x',
  BOT_ROOM_ID: '#ops:localhost',
  REGISTRY_URL: 'http://127.0.0.1:9205',
}

describe('bot configuration', () => {
  it('names every wrong variable and what is wrong with it', () => {
    expect(() =>
      readBotConfig({ ...valid, BOT_ROOM_ID: 'ops', BOT_LANGUAGE: 'de', BOT_ACCESS_TOKEN: '' }),
    ).toThrow(/BOT_ACCESS_TOKEN: is empty[\s\S]*BOT_ROOM_ID: must be a room id[\s\S]*BOT_LANGUAGE/)
  })

  it('defaults to Ukrainian and the console poll period, min(interval, grace / 2)', () => {
    const c = readBotConfig(valid)
    expect(c).toMatchObject({
      language: 'uk',
      pollMs: 7_500,
      homeserverUrl: 'http://127.0.0.1:8008',
      databaseUrl: null,
    })
    expect(c.rules.thresholds).toEqual({ onlineMs: 45_000, offlineMs: 120_000 })
  })
})
