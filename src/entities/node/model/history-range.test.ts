import { describe, expect, it } from 'vitest'
import {
  RANGE_SPECS,
  rangeQueryWindow,
  seriesFromBeats,
  seriesFromBuckets,
  summarizeMetric,
  thinMetrics,
} from './history-range.ts'

const T0 = Date.UTC(2026, 10, 29, 10, 0, 0)

describe('history ranges', () => {
  it('reads the last hour as raw beats and the long ranges as buckets of at most ~1,500 rows', () => {
    expect(RANGE_SPECS['1h'].source).toBe('beats')
    for (const r of ['24h', '7d', '30d'] as const) {
      const spec = RANGE_SPECS[r]
      if (spec.source !== 'buckets') throw new Error(`${r} should be bucketed`)
      expect(spec.durationMs / (spec.bucketSeconds * 1000)).toBeLessThanOrEqual(1500)
    }
  })

  it('keeps the query window still between refresh steps and reaches past the view window', () => {
    const spec = RANGE_SPECS['1h']
    const a = rangeQueryWindow(spec, T0 + 1000)
    const b = rangeQueryWindow(spec, T0 + 29_000)
    expect(a).toEqual(b)
    expect(a.until).toBeGreaterThanOrEqual(T0 + 29_000)
    expect(a.since).toBeLessThan(T0 + 29_000 - spec.durationMs)
    expect(rangeQueryWindow(spec, T0 + 31_000).until).toBeGreaterThan(a.until)
  })
})

describe('series', () => {
  it('orders beats and keeps a missing metric as a hole', () => {
    const s = seriesFromBeats(
      [
        { timestamp: T0 + 30_000, metrics: { cpu_percent: 20, memory_percent: null } },
        { timestamp: T0, metrics: { cpu_percent: 10, memory_percent: 40, disk_percent: 60 } },
        { timestamp: T0 + 60_000, metrics: null },
      ],
      45_000,
    )
    expect(Array.from(s.t)).toEqual([T0, T0 + 30_000, T0 + 60_000])
    expect(Array.from(s.cpu)).toEqual([10, 20, NaN])
    expect(Array.from(s.mem)).toEqual([40, NaN, NaN])
    expect(s.gapMs).toBe(45_000)
  })

  it('places a bucket at its middle, skips empty ones and breaks the line over an absent one', () => {
    const s = seriesFromBuckets(
      [
        { start: T0 + 120_000, beats: 2, cpu_percent_avg: 3, memory_percent_avg: 4, disk_percent_avg: 5 },
        { start: T0, beats: 2, cpu_percent_avg: 1, memory_percent_avg: 2, disk_percent_avg: 3 },
        {
          start: T0 + 60_000,
          beats: 0,
          cpu_percent_avg: null,
          memory_percent_avg: null,
          disk_percent_avg: null,
        },
      ],
      60_000,
    )
    expect(Array.from(s.t)).toEqual([T0 + 30_000, T0 + 150_000])
    expect((s.t[1] ?? 0) - (s.t[0] ?? 0)).toBeGreaterThan(s.gapMs)
  })

  it('thins every metric to the width and summarizes one', () => {
    const n = 100_000
    const beats = Array.from({ length: n }, (_, i) => ({
      timestamp: T0 + i * 1000,
      metrics: { cpu_percent: i % 100, memory_percent: 50, disk_percent: 70 },
    }))
    const s = seriesFromBeats(beats, 45_000)
    const thin = thinMetrics(s, 600, { from: T0, to: T0 + n * 1000 })
    expect(thin.cpu.t.length).toBeLessThanOrEqual(2400)
    expect(Math.max(...thin.cpu.v)).toBe(99)
    expect(summarizeMetric(s.t, s.mem, { from: T0, to: T0 + n * 1000 })).toEqual({
      min: 50,
      max: 50,
      avg: 50,
      last: 50,
      count: n,
    })
    expect(summarizeMetric(s.t, s.mem, { from: 0, to: 1 })).toBeNull()
  })
})
