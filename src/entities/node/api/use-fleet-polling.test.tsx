import { focusManager, useQuery } from '@tanstack/react-query'
import { act } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createNode } from '@mocks/registry/factories.ts'
import { formatRegistryTime } from '@mocks/registry/registry-time.ts'
import { HttpError } from '@/lib/http/fetch-json.ts'
import type { ObservedHistoryStore } from '../model/observed-history-store.ts'
import { aliveSpansFromObserved, findOutages } from '../model/outages.ts'
import { fleetQueryOptions } from './get-fleet.ts'
import type { Registry } from './registry-http.ts'
import { yieldToMain } from '@/lib/scheduling/yield-to-main.ts'
import { renderHookWithProviders } from '@/testing/render-with-providers.tsx'

const T0 = Date.UTC(2026, 10, 29, 9)
const INTERVAL = 30_000
/** The fleet's poll period (`fleetPollMs`) and online threshold for a 30 s heartbeat and 15 s of grace. */
const POLL = 7_500
const ONLINE = 45_000

/** A registry whose answers the test releases by hand: every call waits for `respond` or `fail`. */
function manualRegistry() {
  const pending: { resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = []
  let calls = 0
  const registry: Registry = {
    baseUrl: 'http://registry.test',
    get: () => {
      calls += 1
      return new Promise((resolve, reject) => pending.push({ resolve, reject }))
    },
  }
  /** The list as the registry would send it: node id → its last heartbeat (by default n1, beating now). */
  const page = (beats: Record<string, number> = { n1: Date.now() - 1_000 }) => {
    const nodes = Object.entries(beats).map(([node_id, ts]) =>
      createNode({ node_id, last_heartbeat: formatRegistryTime(ts, 'naive') }),
    )
    return { nodes, total: nodes.length }
  }
  return {
    registry,
    calls: () => calls,
    inFlight: () => pending.length,
    respond: (beats?: Record<string, number>) => pending.shift()?.resolve(page(beats)),
    fail: () => pending.shift()?.reject(new HttpError('network', 'down')),
  }
}

function renderFleet(registry: Registry, intervalMs = INTERVAL) {
  const view = renderHookWithProviders(() => useQuery(fleetQueryOptions(registry, intervalMs)))
  observedHistory = view.observedHistory
  return view
}

/**
 * Moves the fake clock, then lets the poll's slices run: it yields to the event loop between slices of work
 * (yield-to-main.ts), which fake timers do not drive.
 */
async function advance(ms: number) {
  await settleSlices()
  await act(() => vi.advanceTimersByTimeAsync(ms))
  await settleSlices()
}

async function settleSlices() {
  for (let i = 0; i < 5; i++) await act(() => yieldToMain())
}

/** The observed history of the last rendered fleet (each render gets a fresh one). */
let observedHistory: ObservedHistoryStore

beforeEach(() => {
  vi.useFakeTimers({ now: T0 })
})
afterEach(() => {
  focusManager.setFocused(undefined)
  vi.useRealTimers()
})

describe('fleet polling', () => {
  it('never overlaps itself: a slow poll delays the next one instead of running beside it', async () => {
    const r = manualRegistry()
    renderFleet(r.registry)
    await advance(0)
    expect(r.calls()).toBe(1)
    // The registry takes 95 s to answer: three interval ticks pass, no second request starts.
    await advance(95_000)
    expect(r.calls()).toBe(1)
    expect(r.inFlight()).toBe(1)
    r.respond()
    await advance(0)
    // The interval counts from the end of the poll.
    await advance(INTERVAL - 1)
    expect(r.calls()).toBe(1)
    await advance(1)
    expect(r.calls()).toBe(2)
  })

  it('keeps the last good data while failing, backs off, and recovers by itself', async () => {
    const r = manualRegistry()
    const { result } = renderFleet(r.registry)
    await advance(0)
    r.respond()
    await advance(0)
    expect(result.current.data?.entries).toHaveLength(1)
    // Read isError now: react-query re-renders only for the fields a render has read.
    expect(result.current.isError).toBe(false)
    const good = result.current.data

    const nextCallAfter = async (failing: boolean) => {
      const before = r.calls()
      let waited = 0
      while (r.calls() === before && waited < 600_000) {
        await advance(1_000)
        waited += 1_000
      }
      if (failing) r.fail()
      else r.respond()
      await advance(0)
      return waited
    }

    const gaps = [
      await nextCallAfter(true),
      await nextCallAfter(true),
      await nextCallAfter(true),
      await nextCallAfter(true),
    ]
    expect(gaps[0]).toBe(INTERVAL)
    // Failing: never faster than the period, never slower than it or 15 s: a registry back is seen promptly.
    expect(gaps.slice(1)).toEqual([INTERVAL, INTERVAL, INTERVAL])
    expect(result.current.isError).toBe(true)
    expect(result.current.data).toBe(good)

    expect(await nextCallAfter(false)).toBe(INTERVAL)
    expect(result.current.isError).toBe(false)
    expect(await nextCallAfter(false)).toBe(INTERVAL)
  })

  it('does not poll while the tab is hidden', async () => {
    const r = manualRegistry()
    renderFleet(r.registry)
    await advance(0)
    r.respond()
    await advance(0)
    act(() => focusManager.setFocused(false))
    await advance(5 * INTERVAL)
    expect(r.calls()).toBe(1)
    act(() => focusManager.setFocused(true))
    await advance(INTERVAL)
    expect(r.calls()).toBe(2)
  })

  it('feeds the observed-beats store from each snapshot', async () => {
    const r = manualRegistry()
    renderFleet(r.registry)
    await advance(0)
    r.respond()
    await advance(INTERVAL)
    r.respond()
    await advance(0)
    expect(observedHistory.getBeats('n1')).toEqual([T0 - 1_000, T0 + INTERVAL - 1_000])
    expect(observedHistory.observedSince()).toBe(T0)
  })

  /** The outages the page would claim from what it observed of a node, from its first beat to its last. */
  const observedOutages = (nodeId: string) => {
    const beats = observedHistory.getBeats(nodeId)
    return findOutages(
      aliveSpansFromObserved(observedHistory.getHeartbeats(nodeId), ONLINE),
      { start: beats[0] ?? T0, end: beats.at(-1) ?? T0 },
      ONLINE,
    )
  }

  it('claims the silence of a node the polls kept showing silent, for as long as it lasted', async () => {
    const r = manualRegistry()
    renderFleet(r.registry, POLL)
    await advance(0)
    r.respond({ n1: T0 - 1_000 })
    // Four minutes of polls, every one showing the same last beat.
    for (let t = POLL; t <= 240_000; t += POLL) {
      await advance(POLL)
      r.respond({ n1: T0 - 1_000 })
    }
    await advance(POLL)
    r.respond({ n1: T0 + 244_000 })
    await advance(0)
    expect(observedOutages('n1')).toEqual([
      { start: T0 - 1_000, end: T0 + 244_000, durationMs: 245_000, openStart: false },
    ])
  })

  it('claims no silence from a poll in flight across a clock jump: it was seen at its start', async () => {
    const r = manualRegistry()
    renderFleet(r.registry, POLL)
    await advance(0)
    r.respond({ n1: T0 - 1_000 })
    await advance(POLL)
    expect(r.inFlight()).toBe(1)
    // The clock jumps 4 minutes while the poll is in flight; its answer is from before the jump.
    await advance(240_000)
    r.respond({ n1: T0 - 1_000 })
    await advance(POLL)
    // The node beat all along.
    r.respond({ n1: Date.now() - 1_000 })
    await advance(0)
    expect(observedHistory.getHeartbeats('n1').map((b) => [b.ts, b.seenUntil])).toEqual([
      [T0 - 1_000, T0 + POLL],
      [T0 + 2 * POLL + 239_000, T0 + 2 * POLL + 240_000],
    ])
    expect(observedOutages('n1')).toEqual([])
  })

  it('keeps the nodes one pass skipped, without counting them as seen by it', async () => {
    const r = manualRegistry()
    const { result } = renderFleet(r.registry, POLL)
    await advance(0)
    r.respond({ n1: T0 - 1_000, n2: T0 - 2_000 })
    // For four minutes the unordered list skips n2 (n1 beats on); the page still lists n2.
    for (let t = POLL; t <= 240_000; t += POLL) {
      await advance(POLL)
      r.respond({ n1: Date.now() - 1_000 })
    }
    await advance(0)
    expect(result.current.data?.entries).toHaveLength(2)
    await advance(POLL)
    r.respond({ n1: Date.now() - 1_000, n2: Date.now() - 2_000 })
    await advance(0)
    // The page never looked at n2 in between: its gap is no outage.
    expect(observedHistory.getHeartbeats('n2')[0]?.seenUntil).toBe(T0)
    expect(observedOutages('n2')).toEqual([])
  })
})
