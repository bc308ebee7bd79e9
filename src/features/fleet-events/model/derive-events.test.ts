import { describe, expect, it } from 'vitest'
import { aliveSpansFromBeats, type SeenBeat } from '@/entities/node/model/outages.ts'
import {
  deriveFleetEvents,
  eventsAsOf,
  filterEvents,
  parseEventFilters,
  selectHistoryNodes,
  writeEventFilters,
  type NodeEventInput,
} from './derive-events.ts'

const S = 1000
const MIN = 60 * S
const T = { onlineMs: 45 * S, offlineMs: 120 * S }
const NOW = Date.UTC(2026, 10, 29, 9, 0, 0)

function node(overrides: Partial<NodeEventInput> = {}): NodeEventInput {
  return {
    nodeId: 'n1',
    name: 'n1',
    registeredAt: null,
    lastHeartbeat: null,
    orphan: null,
    history: null,
    observed: [],
    ...overrides,
  }
}

const beatsEvery = (from: number, to: number, step = 30 * S) => {
  const out: number[] = []
  for (let t = from; t <= to; t += step) out.push(t)
  return out
}

/** Poll starts every 7.5 s (the fleet's poll period) from `from` to `to`, none while the tab is `hidden`. */
const polls = (from: number, to: number, hidden?: { from: number; to: number }) =>
  beatsEvery(from, to, 7.5 * S).filter((p) => !hidden || p < hidden.from || p >= hidden.to)

/**
 * What those polls record of a node beating at `beats` (oldest first), the way the observed-history store
 * keeps it: each poll sees the latest beat at or before its start, and a beat seen again is seen until then.
 */
function seenBy(pollStarts: readonly number[], beats: readonly number[]): SeenBeat[] {
  const out: SeenBeat[] = []
  let i = -1
  for (const p of pollStarts) {
    while (i + 1 < beats.length && (beats[i + 1] ?? Infinity) <= p) i++
    const ts = beats[i]
    if (ts === undefined) continue
    const last = out.at(-1)
    if (last?.ts === ts) last.seenUntil = p
    else out.push({ ts, seenUntil: p })
  }
  return out
}

const opts = { now: NOW, thresholds: T, windowStart: NOW - 24 * 60 * MIN }

describe('deriveFleetEvents', () => {
  it('turns a silence and the beat that ends it into stale, offline and came back, with durations', () => {
    // Beats until 20 min ago, silence for 10 min, beats again from 10 min ago; the page polled all along.
    const beats = [...beatsEvery(NOW - 30 * MIN, NOW - 20 * MIN), ...beatsEvery(NOW - 10 * MIN, NOW)]
    const observed = seenBy(polls(NOW - 30 * MIN, NOW), beats)
    const events = deriveFleetEvents([node({ observed, lastHeartbeat: NOW })], opts)
    expect(events.map((e) => [e.kind, e.at, e.durationMs, e.ongoing])).toEqual([
      ['recovered', NOW - 10 * MIN, 10 * MIN, false],
      ['offline', NOW - 20 * MIN + 120 * S, 10 * MIN - 120 * S, false],
      ['stale', NOW - 20 * MIN + 45 * S, 75 * S, false],
    ])
    expect(events.every((e) => e.source === 'observed')).toBe(true)
  })

  it('shows an ongoing silence from the list alone, with nothing claimed before the last beat', () => {
    const last = NOW - 5 * MIN
    const events = deriveFleetEvents([node({ lastHeartbeat: last })], opts)
    expect(events.map((e) => [e.kind, e.at, e.durationMs, e.ongoing])).toEqual([
      ['offline', last + 120 * S, 3 * MIN, true],
      ['stale', last + 45 * S, 75 * S, false],
    ])
  })

  it('records no "went offline" while the registry cannot be read, however long the outage', () => {
    // Ten nodes beat every 10 s up to the last good read (NOW); the registry is then down for 10 minutes.
    const nodes = Array.from({ length: 10 }, (_, i) =>
      node({
        nodeId: `n${i}`,
        observed: seenBy(polls(NOW - 30 * MIN, NOW), beatsEvery(NOW - 30 * MIN, NOW - i * S)),
        lastHeartbeat: NOW - i * S,
      }),
    )
    const during = eventsAsOf(NOW + 10 * MIN, NOW, NOW)
    const events = deriveFleetEvents(nodes, { ...opts, now: during })
    expect(events.filter((e) => e.kind === 'offline' || e.kind === 'stale')).toEqual([])
    // Once reads succeed, liveness comes from the new data: beats seen again, no outage claimed.
    expect(eventsAsOf(NOW + 10 * MIN, NOW + 10 * MIN, null)).toBe(NOW + 10 * MIN)
  })

  it('a silence of exactly the online threshold is no event', () => {
    const beats = [NOW - 3 * MIN, NOW - 3 * MIN + 45 * S, ...beatsEvery(NOW - 2 * MIN, NOW - 20 * S)]
    // Even watched to its last instant (a poll starting right at the threshold still saw the old beat).
    const observed = [
      { ts: beats[0] ?? 0, seenUntil: (beats[0] ?? 0) + 45 * S },
      ...seenBy(polls(NOW - 3 * MIN + 45 * S, NOW - 20 * S), beats),
    ]
    expect(deriveFleetEvents([node({ observed, lastHeartbeat: NOW - 20 * S })], opts)).toEqual([])
  })

  it('a stale spell that ends before the offline threshold has only stale and came back', () => {
    const beats = [NOW - 5 * MIN, ...beatsEvery(NOW - 5 * MIN + 100 * S, NOW)]
    const observed = seenBy(polls(NOW - 5 * MIN, NOW), beats)
    const events = deriveFleetEvents([node({ observed, lastHeartbeat: NOW })], opts)
    expect(events.map((e) => [e.kind, e.durationMs])).toEqual([
      ['recovered', 100 * S],
      ['stale', 55 * S],
    ])
  })

  it('claims no outage for a gap the page did not watch: a tab hidden 10 minutes while the node beat', () => {
    const beats = beatsEvery(NOW - 30 * MIN, NOW)
    const observed = seenBy(polls(NOW - 30 * MIN, NOW, { from: NOW - 20 * MIN, to: NOW - 10 * MIN }), beats)
    // The page saw nothing for 10 minutes, then the node's newest beat.
    expect(observed.map((b) => b.ts)).toContain(NOW - 10 * MIN)
    expect(observed.map((b) => b.ts)).not.toContain(NOW - 15 * MIN)
    expect(deriveFleetEvents([node({ observed, lastHeartbeat: NOW })], opts)).toEqual([])
  })

  it('a silence the page watched begin, then stopped watching, counts up to the next beat it saw', () => {
    // Silent from 20 minutes ago; the tab was hidden a minute into it, and shown again after the node's
    // return. When it came back, the page cannot tell: the first beat it saw after ends the outage.
    const beats = [...beatsEvery(NOW - 30 * MIN, NOW - 20 * MIN), ...beatsEvery(NOW - 12 * MIN, NOW)]
    const observed = seenBy(polls(NOW - 30 * MIN, NOW, { from: NOW - 19 * MIN, to: NOW - 5 * MIN }), beats)
    const events = deriveFleetEvents([node({ observed, lastHeartbeat: NOW })], opts)
    expect(events.filter((e) => e.kind === 'recovered').map((e) => [e.at, e.durationMs])).toEqual([
      [NOW - 5 * MIN, 15 * MIN],
    ])
  })

  it('reads history spans, says so, and clips to the window', () => {
    const old = beatsEvery(NOW - 30 * 60 * MIN, NOW - 26 * 60 * MIN)
    const recent = beatsEvery(NOW - 60 * MIN, NOW)
    const events = deriveFleetEvents(
      [
        node({
          history: { spans: aliveSpansFromBeats([...old, ...recent]), from: NOW - 30 * 60 * MIN },
          lastHeartbeat: NOW,
        }),
      ],
      opts,
    )
    // The silence began 26 h ago (outside the window): only the return, 25 h later, is inside it.
    expect(events.map((e) => [e.kind, e.source, e.durationMs])).toEqual([
      ['recovered', 'history', 25 * 60 * MIN],
    ])
  })

  it('adds registered and orphan events, newest first across nodes', () => {
    const events = deriveFleetEvents(
      [
        node({ nodeId: 'a', registeredAt: NOW - 2 * MIN }),
        node({ nodeId: 'b', registeredAt: NOW - 40 * 60 * MIN, orphan: { of: 'a', since: NOW - 2 * MIN } }),
        node({ nodeId: 'c', registeredAt: NOW - MIN }),
      ],
      opts,
    )
    expect(events.map((e) => [e.nodeId, e.kind])).toEqual([
      ['c', 'registered'],
      ['b', 'orphan'],
      ['a', 'registered'],
    ])
  })
})

describe('event filters', () => {
  it('round-trip through the URL and filter by node and kind', () => {
    const p = writeEventFilters(new URLSearchParams('demo-nodes=50'), {
      node: 'gex',
      kinds: ['offline', 'stale'],
    })
    expect(p.toString()).toBe('demo-nodes=50&node=gex&kind=stale%2Coffline')
    expect(parseEventFilters(p)).toEqual({ node: 'gex', kinds: ['stale', 'offline'] })
    expect(parseEventFilters(new URLSearchParams('kind=banana'))).toEqual({ node: '', kinds: [] })

    const events = deriveFleetEvents(
      [
        node({ nodeId: 'node-1-hetzner-gex44', name: 'Hetzner', lastHeartbeat: NOW - 5 * MIN }),
        node({ nodeId: 'w', registeredAt: NOW - MIN }),
      ],
      opts,
    )
    expect(filterEvents(events, { node: 'HETZNER', kinds: ['offline'] }).map((e) => e.kind)).toEqual([
      'offline',
    ])
    expect(filterEvents(events, { node: '', kinds: [] })).toHaveLength(3)
  })
})

describe('selectHistoryNodes', () => {
  it('prefers the filtered node, then the troubled ones, bounded', () => {
    const nodes = [
      { nodeId: 'a', name: 'a', online: true, observedGap: false },
      { nodeId: 'b', name: 'b', online: false, observedGap: false },
      { nodeId: 'c', name: 'c', online: true, observedGap: true },
      { nodeId: 'd', name: 'd', online: true, observedGap: false },
    ]
    expect(selectHistoryNodes(nodes, '', 3)).toEqual(['b', 'c', 'a'])
    expect(selectHistoryNodes(nodes, 'd', 3)).toEqual(['d'])
  })
})
