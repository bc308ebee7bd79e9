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
      { ts: T, seenUntil: T + 30_005, status: 'online' },
      { ts: T + 30_000, seenUntil: T + 60_005, status: 'degraded' },
    ])
    expect(s.getBeats('b')).toEqual([])
    expect(s.observedSince()).toBe(T + 5)
  })

  it('keeps, per beat, the last poll start that still saw it as the latest', () => {
    const s = createObservedHistoryStore()
    s.record(poll({ a: T }), T + 5_000)
    s.record(poll({ a: T }), T + 12_500)
    s.record(poll({ a: T }), T + 20_000)
    // A poll can answer with a beat newer than its start: it was the latest at least at its own instant.
    s.record(poll({ a: T + 30_000 }), T + 27_500)
    s.record(poll({ a: T + 60_000 }), T + 65_000)
    expect(s.getHeartbeats('a').map((b) => [b.ts, b.seenUntil])).toEqual([
      [T, T + 20_000],
      [T + 30_000, T + 30_000],
      [T + 60_000, T + 65_000],
    ])
  })

  it('tells a silence the page watched from a gap it merely did not see', () => {
    const s = createObservedHistoryStore()
    const every = (from: number, to: number, f: (at: number) => void) => {
      for (let at = from; at <= to; at += 7_500) f(at)
    }
    const lastBeat = (at: number) => T + Math.floor((at - T) / 30_000) * 30_000
    // Both nodes beat every 30 s. The page polls every 7.5 s, then the tab is hidden for 10 minutes.
    every(T, T + 60_000, (at) => s.record(poll({ beating: lastBeat(at) }), at))
    every(T + 660_000, T + 690_000, (at) => s.record(poll({ beating: lastBeat(at) }), at))
    expect(s.getBeats('beating')).toContain(T + 660_000)
    expect(s.hasWatchedSilence('beating', 45_000)).toBe(false)
    // The other stops for 4 minutes, the page polling all along, then beats again.
    every(T, T + 240_000, (at) => s.record(poll({ paused: T }), at))
    s.record(poll({ paused: T + 245_000 }), T + 247_500)
    expect(s.hasWatchedSilence('paused', 45_000)).toBe(true)
    // A silence still going on is the node's current state, not a gap between beats.
    every(T, T + 240_000, (at) => s.record(poll({ silent: T }), at))
    expect(s.hasWatchedSilence('silent', 45_000)).toBe(false)
    expect(s.hasWatchedSilence('nobody', 45_000)).toBe(false)
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
