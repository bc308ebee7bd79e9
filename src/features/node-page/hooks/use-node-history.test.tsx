import { waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { TEST_REGISTRY_URL, withRegistryServer } from '@mocks/node.ts'
import type { ObservedBeat } from '@/entities/node/model/observed-history-store.ts'
import { uptimeOf } from '@/entities/node/model/uptime.ts'
import { renderHookWithProviders } from '@/testing/render-with-providers.tsx'
import { useNodeHistory } from './use-node-history.ts'

const S = 1000
const MIN = 60 * S
const NOW = Date.UTC(2026, 10, 29, 12)
const THRESHOLDS = { onlineMs: 45 * S, offlineMs: 120 * S }

const getRegistry = withRegistryServer({ now: () => NOW })
// A registry without a history route: the page's own observations are all the node page has.
beforeEach(() => getRegistry().sim.setHistoryRoute(false))

/** Beats every 30 s from `from` to `to`, each shown by the polls for `seenFor` after it. */
const seen = (from: number, to: number, seenFor = 22.5 * S): ObservedBeat[] => {
  const out: ObservedBeat[] = []
  for (let ts = from; ts <= to; ts += 30 * S) out.push({ ts, seenUntil: ts + seenFor, status: 'online' })
  return out
}

/** The outages the node page lists for the last hour and the last day, from what it observed. */
async function outagesFrom(observed: readonly ObservedBeat[]) {
  const { result } = renderHookWithProviders(
    () =>
      useNodeHistory('node-1-hetzner-gex44', {
        now: NOW,
        lastHeartbeat: NOW,
        thresholds: THRESHOLDS,
        observed,
      }),
    { config: { registryUrl: TEST_REGISTRY_URL } },
  )
  await waitFor(() => expect(result.current.ranges['24h'].status).toBe('ready'))
  await waitFor(() => expect(result.current.ranges['1h'].status).toBe('ready'))
  const { ranges } = result.current
  expect(ranges['1h'].source).toBe('observed')
  expect(ranges['24h'].source).toBe('observed')
  // The window starts at the first observed beat, as the page cuts it.
  const window = { start: observed[0]?.ts ?? NOW, end: NOW }
  return {
    hour: uptimeOf(ranges['1h'].spans, window, THRESHOLDS.onlineMs).outages,
    day: uptimeOf(ranges['24h'].spans, window, THRESHOLDS.onlineMs).outages,
  }
}

describe('the node page without a history route', () => {
  it('shows no outage where the tab was hidden for 10 minutes while the node kept beating', async () => {
    const observed = [...seen(NOW - 30 * MIN, NOW - 20 * MIN), ...seen(NOW - 10 * MIN, NOW)]
    expect(await outagesFrom(observed)).toEqual({ hour: [], day: [] })
  })

  it('lists the 4 minutes the page watched the node silent', async () => {
    const observed = [
      ...seen(NOW - 30 * MIN, NOW - 10 * MIN - 30 * S),
      // The polls kept showing this beat until just before the next one.
      { ts: NOW - 10 * MIN, seenUntil: NOW - 6 * MIN - 5 * S, status: 'online' },
      ...seen(NOW - 6 * MIN, NOW),
    ]
    const outage = { start: NOW - 10 * MIN, end: NOW - 6 * MIN, durationMs: 4 * MIN, openStart: false }
    expect(await outagesFrom(observed)).toEqual({ hour: [outage], day: [outage] })
  })
})
