import { focusManager, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createNode } from '@mocks/registry/factories.ts'
import { formatRegistryTime } from '@mocks/registry/registry-time.ts'
import { HttpError } from '@/lib/http/fetch-json.ts'
import { observedHistory } from '../model/observed-history-store.ts'
import { fleetQueryOptions } from './get-fleet.ts'
import type { Registry } from './registry-http.ts'

const T0 = Date.UTC(2026, 10, 29, 9)
const INTERVAL = 30_000

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
  const page = () => {
    const nodes = [
      createNode({ node_id: 'n1', last_heartbeat: formatRegistryTime(Date.now() - 1_000, 'naive') }),
    ]
    return { nodes, total: nodes.length }
  }
  return {
    registry,
    calls: () => calls,
    inFlight: () => pending.length,
    respond: () => pending.shift()?.resolve(page()),
    fail: () => pending.shift()?.reject(new HttpError('network', 'down')),
  }
}

function renderFleet(registry: Registry) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  return renderHook(() => useQuery(fleetQueryOptions(registry, INTERVAL)), { wrapper })
}

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))

beforeEach(() => {
  vi.useFakeTimers({ now: T0 })
  observedHistory.reset()
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
    // Failing: the delay grows (doubling, capped at 5 minutes) instead of hammering a registry that is down.
    expect(gaps.slice(1)).toEqual([60_000, 90_000, 180_000])
    expect(result.current.isError).toBe(true)
    expect(result.current.data).toBe(good)

    expect(await nextCallAfter(false)).toBe(300_000)
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
})
