import { thinMinMax, type ThinnedSeries } from './downsample.ts'
import type { BeatMetrics } from './schemas.ts'

/**
 * The history ranges a node's page offers, and how each is read from the registry: the last hour as raw
 * heartbeats (120 at the 30 s interval), the long ranges as buckets (an absent bucket is a silence), so no
 * range asks for more than about 1,500 rows. Whatever arrives is thinned to the chart's pixel width.
 */
export const HISTORY_RANGES = ['1h', '24h', '7d', '30d'] as const
export type HistoryRange = (typeof HISTORY_RANGES)[number]

export type RangeSpec =
  | { range: HistoryRange; durationMs: number; source: 'beats'; refreshMs: number }
  | { range: HistoryRange; durationMs: number; source: 'buckets'; bucketSeconds: number; refreshMs: number }

const HOUR = 3_600_000
export const RANGE_SPECS: Record<HistoryRange, RangeSpec> = {
  '1h': { range: '1h', durationMs: HOUR, source: 'beats', refreshMs: 30_000 },
  '24h': { range: '24h', durationMs: 24 * HOUR, source: 'buckets', bucketSeconds: 60, refreshMs: 60_000 },
  '7d': { range: '7d', durationMs: 7 * 24 * HOUR, source: 'buckets', bucketSeconds: 600, refreshMs: 60_000 },
  '30d': {
    range: '30d',
    durationMs: 30 * 24 * HOUR,
    source: 'buckets',
    bucketSeconds: 3600,
    refreshMs: 60_000,
  },
}

/**
 * The `since`/`until` to ask the registry for. `until` is rounded up to the range's refresh step, so the
 * query key changes once per step, not every second, and each step's answer includes the newest beats.
 * `since` reaches a step before the window, so the last beat before it (when a silence began) is known.
 */
export function rangeQueryWindow(spec: RangeSpec, now: number): { since: number; until: number } {
  const until = Math.ceil(now / spec.refreshMs) * spec.refreshMs
  return { since: until - spec.durationMs - spec.refreshMs, until }
}

/** The window the page shows for a range: the last `durationMs` up to now. */
export function rangeViewWindow(spec: RangeSpec, now: number): { start: number; end: number } {
  return { start: now - spec.durationMs, end: now }
}

/** CPU, memory and disk over time, NaN where a point has no value; `gapMs` breaks the line on silences. */
export interface MetricSeries {
  t: Float64Array
  cpu: Float64Array
  mem: Float64Array
  disk: Float64Array
  /** Two neighbouring points further apart than this are not joined: the node was silent between them. */
  gapMs: number
}

export const METRICS = ['cpu', 'mem', 'disk'] as const
export type MetricKey = (typeof METRICS)[number]

const val = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : NaN)

/** A series from heartbeats (any order); the line breaks where beats are more than `gapMs` apart. */
export function seriesFromBeats(
  beats: readonly { timestamp: number; metrics: BeatMetrics | null }[],
  gapMs: number,
): MetricSeries {
  const sorted = isAscending(beats) ? beats : [...beats].sort((a, b) => a.timestamp - b.timestamp)
  const n = sorted.length
  const s: MetricSeries = {
    t: new Float64Array(n),
    cpu: new Float64Array(n),
    mem: new Float64Array(n),
    disk: new Float64Array(n),
    gapMs,
  }
  for (let i = 0; i < n; i++) {
    const b = sorted[i]
    if (!b) continue
    const m = b.metrics
    s.t[i] = b.timestamp
    s.cpu[i] = val(m?.cpu_percent)
    s.mem[i] = val(m?.memory_percent)
    s.disk[i] = val(m?.disk_percent)
  }
  return s
}

/** A series from buckets (one point per bucket at its middle); an absent bucket breaks the line. */
export function seriesFromBuckets(
  buckets: readonly {
    start: number | null
    beats: number
    cpu_percent_avg: number | null
    memory_percent_avg: number | null
    disk_percent_avg: number | null
  }[],
  bucketMs: number,
): MetricSeries {
  const usable = buckets
    .filter((b): b is typeof b & { start: number } => b.start !== null && b.beats > 0)
    .sort((a, b) => a.start - b.start)
  const n = usable.length
  const s: MetricSeries = {
    t: new Float64Array(n),
    cpu: new Float64Array(n),
    mem: new Float64Array(n),
    disk: new Float64Array(n),
    gapMs: bucketMs * 1.5,
  }
  usable.forEach((b, i) => {
    s.t[i] = b.start + bucketMs / 2
    s.cpu[i] = val(b.cpu_percent_avg)
    s.mem[i] = val(b.memory_percent_avg)
    s.disk[i] = val(b.disk_percent_avg)
  })
  return s
}

export type ThinnedMetrics = Record<MetricKey, ThinnedSeries>

/** Each metric thinned to `columns` pixel columns over `domain` (see `thinMinMax`). */
export function thinMetrics(
  series: MetricSeries,
  columns: number,
  domain: { from: number; to: number },
): ThinnedMetrics {
  return {
    cpu: thinMinMax(series.t, series.cpu, columns, domain),
    mem: thinMinMax(series.t, series.mem, columns, domain),
    disk: thinMinMax(series.t, series.disk, columns, domain),
  }
}

export interface MetricSummary {
  min: number
  max: number
  avg: number
  last: number
  count: number
}

/** Min, max, mean and latest of one metric inside `domain`; null when it has no value there. */
export function summarizeMetric(
  t: ArrayLike<number>,
  v: ArrayLike<number>,
  domain: { from: number; to: number },
): MetricSummary | null {
  let min = Infinity
  let max = -Infinity
  let sum = 0
  let count = 0
  let last = NaN
  for (let i = 0; i < t.length; i++) {
    const ti = t[i] ?? NaN
    const vi = v[i] ?? NaN
    if (!Number.isFinite(vi) || ti < domain.from || ti > domain.to) continue
    min = Math.min(min, vi)
    max = Math.max(max, vi)
    sum += vi
    count++
    last = vi
  }
  return count === 0 ? null : { min, max, avg: sum / count, last, count }
}

function isAscending(beats: readonly { timestamp: number }[]): boolean {
  for (let i = 1; i < beats.length; i++) {
    const a = beats[i - 1]
    const b = beats[i]
    if (a && b && b.timestamp < a.timestamp) return false
  }
  return true
}
