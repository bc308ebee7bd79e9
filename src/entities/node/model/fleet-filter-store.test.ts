import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SEARCH_URL_DELAY_MS, useFleetFilterStore } from './fleet-filter-store.ts'

const store = () => useFleetFilterStore.getState()

describe('the fleet filter store', () => {
  let written: string[]
  beforeEach(() => {
    vi.useFakeTimers()
    written = []
    store().addressConnected((pathname, search) => written.push(`${pathname}?${search}`))
    store().addressRead('/', 'role=worker&node=a')
  })
  afterEach(() => {
    store().viewLeft()
    vi.useRealTimers()
  })

  it('applies typed text at once and writes it once typing pauses', () => {
    store().searchTyped('no')
    store().searchTyped('node')
    expect(store().filters.q).toBe('node')
    expect(store().filters.role).toEqual(['worker'])
    vi.advanceTimersByTime(SEARCH_URL_DELAY_MS - 1)
    expect(written).toEqual([])
    vi.advanceTimersByTime(1)
    expect(written).toEqual(['/?node=a&q=node&role=worker'])
  })

  it('carries pending text with a filter change, in one write, and keeps the chosen node', () => {
    store().searchTyped('fra')
    store().filtersChanged({ liveness: ['online'] })
    expect(written).toEqual(['/?node=a&q=fra&liveness=online&role=worker'])
    vi.advanceTimersByTime(SEARCH_URL_DELAY_MS)
    expect(written).toHaveLength(1)
    expect(store().selected).toBe('a')
  })

  it('keeps its writes while the router catches up, and gives way to an address someone else set', () => {
    store().filtersChanged({ sort: 'age' })
    store().searchTyped('x')
    // The router still shows the address before the write: the store stays ahead of it.
    store().addressRead('/', 'role=worker&node=a')
    expect(store().filters).toMatchObject({ sort: 'age', q: 'x' })
    // A link to another address: pending text is dropped and never written over it.
    store().addressRead('/', 'type=router')
    vi.advanceTimersByTime(SEARCH_URL_DELAY_MS)
    expect(store().filters).toMatchObject({ q: '', type: ['router'], role: [], sort: 'name' })
    expect(written).toEqual(['/?node=a&role=worker&sort=age'])
  })

  it('clears search and filters but keeps the sort', () => {
    store().filtersChanged({ sort: 'liveness', dir: 'desc' })
    store().searchTyped('typed')
    store().filtersCleared()
    expect(store().filters).toMatchObject({ q: '', role: [], sort: 'liveness', dir: 'desc' })
    expect(written.at(-1)).toBe('/?node=a&sort=liveness&dir=desc')
  })
})
