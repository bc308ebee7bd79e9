import { describe, expect, it } from 'vitest'
import type { Messages } from '@/lib/i18n/use-t.ts'
import { translate } from '@/lib/i18n/use-t.ts'

// Every message table of the app, wherever its feature keeps it.
const tables = Object.entries(
  import.meta.glob<Record<string, Messages<string>>>('/src/**/*-messages.ts', { eager: true }),
).flatMap(([file, mod]) => Object.entries(mod).map(([name, table]) => ({ name: `${file}:${name}`, table })))

/** The categories each language's counts fall into (Intl.PluralRules for integers). */
const needed = { en: ['one', 'other'], uk: ['one', 'few', 'many', 'other'] } as const

describe('message tables', () => {
  it('are found', () => {
    expect(tables.length).toBeGreaterThan(5)
  })

  it('give every count the plural forms of its language', () => {
    for (const { name, table } of tables) {
      for (const lang of ['en', 'uk'] as const) {
        for (const [key, text] of Object.entries(table[lang])) {
          for (const block of text.matchAll(/\{(\w+), plural,(.*)/g)) {
            for (const form of needed[lang])
              expect(block[2], `${name} ${lang}.${key} lacks "${form}"`).toContain(`${form} {`)
          }
        }
      }
    }
  })

  it('says "1 heartbeat", not "1 heartbeats", and "5 серцебить"', () => {
    const overview = tables.find((t) => t.name.includes('/node-messages'))?.table
    if (!overview) throw new Error('no node messages')
    expect(translate(overview, 'en', 'beatsCount', { count: 1 })).toBe('1 heartbeat since the page opened')
    expect(translate(overview, 'en', 'beatsCount', { count: 3 })).toBe('3 heartbeats since the page opened')
    expect(translate(overview, 'uk', 'beatsCount', { count: 5 })).toBe('5 серцебить з моменту відкриття')
  })
})
