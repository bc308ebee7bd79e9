import { describe, expect, it } from 'vitest'
import { fleetPollMs, mergeWithPrevious, pollInterval, type FleetSnapshot } from './get-fleet.ts'

const NOW = Date.UTC(2026, 10, 29, 9, 0, 0)

describe('pollInterval', () => {
  const base = 30_000
  const ok = { status: 'success' as const, dataUpdatedAt: NOW, errorUpdatedAt: 0, errorUpdateCount: 0 }

  it('is the heartbeat interval while all is well', () => {
    expect(pollInterval(ok, base)).toBe(base)
  })

  it('backs off while failing, never past 15 s (or the poll period when longer)', () => {
    // The registry has failed since `at` ms after the last good answer.
    const after = (at: number, period: number) =>
      pollInterval({ ...ok, status: 'error' as const, errorUpdatedAt: NOW + at, errorUpdateCount: 1 }, period)
    // Polling at 7.5 s: the outage is retried every 15 s, however long it lasts.
    for (const at of [5_000, 30_000, 60_000, 3_600_000]) expect(after(at, 7_500)).toBe(15_000)
    // A 30 s period is never shortened by a failure, nor lengthened.
    for (const at of [30_000, 360_000]) expect(after(at, base)).toBe(30_000)
  })

  it('retries a registry that never answered at the capped rhythm too', () => {
    const never = (n: number) => ({
      status: 'error' as const,
      dataUpdatedAt: 0,
      errorUpdatedAt: NOW,
      errorUpdateCount: n,
    })
    expect([1, 2, 3, 6].map((n) => pollInterval(never(n), 7_500))).toEqual([15_000, 15_000, 15_000, 15_000])
  })

  it('recovers by itself: a success after errors brings the interval back', () => {
    expect(
      pollInterval(
        {
          status: 'success',
          dataUpdatedAt: NOW + 400_000,
          errorUpdatedAt: NOW + 100_000,
          errorUpdateCount: 5,
        },
        base,
      ),
    ).toBe(base)
  })
})

describe('fleetPollMs', () => {
  it('polls well inside the grace, so a node beating on time never looks stale between polls', () => {
    const c = { heartbeatIntervalSeconds: 30, graceSeconds: 15 }
    const period = fleetPollMs(c)
    expect(period).toBe(7_500)
    // Worst case: the beat lands just after a poll (plus 1.5 s of jitter), and is seen one period later.
    expect(30_000 + 1_500 + period).toBeLessThanOrEqual((c.heartbeatIntervalSeconds + c.graceSeconds) * 1000)
  })

  it('never polls more often than every 2 s, nor less often than the heartbeat interval', () => {
    expect(fleetPollMs({ heartbeatIntervalSeconds: 30, graceSeconds: 0 })).toBe(2_000)
    expect(fleetPollMs({ heartbeatIntervalSeconds: 5, graceSeconds: 60 })).toBe(5_000)
  })
})

describe('mergeWithPrevious', () => {
  const snapshot = (ids: string[], fetchedAt: number): FleetSnapshot => ({
    entries: ids.map((id) => ({ kind: 'ok', node: { node_id: id } as never, issues: [] })),
    fetchedAt,
    startedAt: fetchedAt,
    requests: 1,
    complete: true,
  })

  it('keeps a node that one pass of the unordered list skipped, in key order', () => {
    const merged = mergeWithPrevious(snapshot(['a', 'c'], 2), snapshot(['a', 'b', 'c'], 1))
    expect(merged.entries.map((e) => (e.kind === 'ok' ? e.node.node_id : e.key))).toEqual(['a', 'b', 'c'])
    expect(merged.fetchedAt).toBe(2)
  })

  it('returns the new pass untouched when it saw every node', () => {
    const next = snapshot(['a', 'b'], 2)
    expect(mergeWithPrevious(next, snapshot(['a'], 1))).toBe(next)
    expect(mergeWithPrevious(next, undefined)).toBe(next)
  })
})
