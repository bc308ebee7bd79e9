import { describe, expect, it } from 'vitest'
import { defineMessages, translate } from './use-t.ts'

const m = defineMessages({
  uk: {
    beats:
      '{count, plural, one {# серцебиття} few {# серцебиття} many {# серцебить} other {# серцебиття}} з {time}',
    nodes: 'Показано {count, plural, one {# вузол} few {# вузли} many {# вузлів} other {# вузла}}',
  },
  en: {
    beats: '{count, plural, one {# heartbeat} other {# heartbeats}} since {time}',
    nodes: 'Showing {count, plural, =0 {no nodes} one {# node} other {# nodes}}',
  },
})

describe('translate', () => {
  it('chooses the English plural: 1 heartbeat, 2 heartbeats', () => {
    expect(translate(m, 'en', 'beats', { count: 1, time: '09:00' })).toBe('1 heartbeat since 09:00')
    expect(translate(m, 'en', 'beats', { count: 2, time: '09:00' })).toBe('2 heartbeats since 09:00')
    expect(translate(m, 'en', 'nodes', { count: 0 })).toBe('Showing no nodes')
  })

  it('chooses among the three Ukrainian forms', () => {
    const nodes = (n: number) => translate(m, 'uk', 'nodes', { count: n })
    expect([1, 2, 4, 5, 11, 21, 22, 25, 1.5].map(nodes)).toEqual([
      'Показано 1 вузол',
      'Показано 2 вузли',
      'Показано 4 вузли',
      'Показано 5 вузлів',
      'Показано 11 вузлів',
      'Показано 21 вузол',
      'Показано 22 вузли',
      'Показано 25 вузлів',
      'Показано 1.5 вузла',
    ])
    expect(translate(m, 'uk', 'beats', { count: 5, time: '09:00' })).toBe('5 серцебить з 09:00')
  })
})
