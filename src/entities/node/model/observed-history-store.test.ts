import { describe, expect, it, vi } from 'vitest'
import { createNode } from '@mocks/registry/factories.ts'
import { formatRegistryTime } from '@mocks/registry/registry-time.ts'
import { parseNodeEntry } from '../api/node-entry.ts'
import { createObservedHistoryStore } from './observed-history-store.ts'

const T = Date.UTC(2026, 10, 29, 9)
const poll = (beats: Record<string, number | null>, status = 'online') =>
  Object.entries(beats).map(([id, ts]) =>
    parseNodeEntry(
      createNode({
        node_id: id,
        status,
        last_heartbeat: ts === null ? null : formatRegistryTime(ts, 'naive'),
      }),
    ),
  )

describe('the observed-history store', () => {
  it('records a beat only when the heartbeat advanced, with the status it reported', () => {
    const s = createObservedHistoryStore()
    s.record(poll({ a: T, b: null }), T + 5)
    s.record(poll({ a: T, b: null }), T + 30_005)
    s.record(poll({ a: T + 30_000 }, 'degraded'), T + 60_005)
    s.record(poll({ a: T + 10_000 }), T + 90_005) // older than the last seen: ignored
    expect(s.getBeats('a')).toEqual([T, T + 30_000])
    expect(s.getHeartbeats('a')).toEqual([
      { ts: T, status: 'online' },
      { ts: T + 30_000, status: 'degraded' },
    ])
    expect(s.getBeats('b')).toEqual([])
    expect(s.observedSince()).toBe(T + 5)
  })

  it('keeps only the last `capacity` beats of a node', () => {
    const s = createObservedHistoryStore({ capacity: 3 })
    for (let i = 0; i < 7; i++) s.record(poll({ a: T + i * 30_000 }), T + i * 30_000)
    expect(s.getBeats('a')).toEqual([T + 120_000, T + 150_000, T + 180_000])
  })

  it('hands out the same array until the node gets a beat (useSyncExternalStore needs that)', () => {
    const s = createObservedHistoryStore()
    s.record(poll({ a: T, b: T }), T)
    const a1 = s.getBeats('a')
    const b1 = s.getHeartbeats('b')
    s.record(poll({ a: T + 30_000, b: T }), T + 30_000)
    expect(s.getBeats('a')).not.toBe(a1)
    expect(s.getHeartbeats('b')).toBe(b1)
    expect(s.getBeats('nobody')).toBe(s.getBeats('nobody-else'))
  })

  it('notifies only the nodes that changed', () => {
    const s = createObservedHistoryStore()
    const a = vi.fn()
    const b = vi.fn()
    const all = vi.fn()
    s.subscribe('a', a)
    const unsubscribeB = s.subscribe('b', b)
    s.subscribeAll(all)
    s.record(poll({ a: T, b: T }), T)
    s.record(poll({ a: T + 30_000, b: T }), T + 30_000)
    s.record(poll({ a: T + 30_000, b: T }), T + 60_000)
    unsubscribeB()
    s.record(poll({ a: T + 30_000, b: T + 60_000 }), T + 90_000)
    expect(a).toHaveBeenCalledTimes(2)
    expect(b).toHaveBeenCalledTimes(1)
    expect(all).toHaveBeenCalledTimes(3)
  })

  it('stays bounded: an hour of polls of 1,000 nodes keeps at most capacity beats each, and caps the node count', () => {
    const s = createObservedHistoryStore({ capacity: 120, maxNodes: 1_000 })
    const template = poll({ x: T })[0]
    if (template?.kind !== 'ok') throw new Error('the factory node should parse')
    const ids = Array.from({ length: 1_000 }, (_, i) => `n${i}`)
    for (let p = 0; p < 130; p++) {
      const ts = T + p * 30_000
      s.record(
        ids.map((node_id) => ({ ...template, node: { ...template.node, node_id, last_heartbeat: ts } })),
        ts,
      )
    }
    expect(s.getBeats('n0')).toHaveLength(120)
    expect(s.getBeats('n999').at(-1)).toBe(T + 129 * 30_000)
    s.record(poll({ 'one-too-many': T }), T)
    expect(s.getBeats('one-too-many')).toEqual([])
  })

  it('reset forgets everything', () => {
    const s = createObservedHistoryStore()
    s.record(poll({ a: T }), T)
    s.reset()
    expect(s.getBeats('a')).toEqual([])
    expect(s.observedSince()).toBeNull()
  })
})
