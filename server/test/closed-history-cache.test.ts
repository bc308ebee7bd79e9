import { describe, expect, it } from 'vitest'
import { createClosedHistoryCache } from '../src/services/closed-history-cache.ts'

const span = (n: number) => ({ from: 0, to: n, items: Array.from({ length: n }, (_, i) => i) })

describe('the closed history cache', () => {
  const options = { maxItems: 100, ttlMs: 60_000, closeAfterMs: 120_000 }

  it('holds at most maxItems items, dropping the least recently used entries first', () => {
    const cache = createClosedHistoryCache(options)
    cache.set('a', span(40), 0)
    cache.set('b', span(40), 0)
    expect(cache.get('a', 1)).toBeDefined() // a is now the most recently used
    cache.set('c', span(40), 0)
    expect(cache.get('b', 1)).toBeUndefined()
    expect(cache.get('a', 1)?.items).toHaveLength(40)
    expect(cache.get('c', 1)?.items).toHaveLength(40)
    expect(cache.size()).toBe(80)
  })

  it('replaces an entry under the same key, counting only the new one', () => {
    const cache = createClosedHistoryCache(options)
    cache.set('a', span(60), 0)
    cache.set('a', span(70), 0)
    expect(cache.size()).toBe(70)
  })

  it('keeps nothing bigger than the whole bound', () => {
    const cache = createClosedHistoryCache(options)
    cache.set('a', span(10), 0)
    cache.set('big', span(101), 0)
    expect(cache.get('big', 1)).toBeUndefined()
    expect(cache.size()).toBe(10)
  })

  it('forgets an entry ttlMs after it was first filled, however often it is used', () => {
    const cache = createClosedHistoryCache(options)
    cache.set('a', span(5), 1000)
    expect(cache.get('a', 61_000)).toBeDefined()
    cache.set('a', span(6), cache.filledAt('a') ?? 0)
    expect(cache.get('a', 61_001)).toBeUndefined()
    expect(cache.size()).toBe(0)
  })

  it('knows a node key until ttlMs after it was read', () => {
    const cache = createClosedHistoryCache(options)
    cache.setNodeKey('node-1', 'key-1', 1000)
    expect(cache.nodeKey('node-1', 61_000)).toBe('key-1')
    expect(cache.nodeKey('node-1', 61_001)).toBeUndefined()
    expect(cache.nodeKey('node-2', 1000)).toBeUndefined()
  })
})
