import { useMemo } from 'react'
import { useHeartbeatBuckets, type BucketHistory } from '@/entities/node/api/get-heartbeat-buckets.ts'
import { useHeartbeats, type TimedHeartbeat } from '@/entities/node/api/get-heartbeats.ts'
import { useServerDatabaseDown } from '@/entities/node/api/server-database-state.ts'
import {
  HISTORY_RANGES,
  RANGE_SPECS,
  rangeQueryWindow,
  seriesFromBeats,
  seriesFromBuckets,
  type HistoryRange,
  type MetricSeries,
} from '@/entities/node/model/history-range.ts'
import type { LivenessThresholds } from '@/entities/node/model/liveness.ts'
import type { ObservedBeat } from '@/entities/node/model/observed-history-store.ts'
import {
  aliveSpansFromBeats,
  aliveSpansFromBuckets,
  aliveSpansFromObserved,
  type AliveSpan,
} from '@/entities/node/model/outages.ts'
import type { BeatMetrics } from '@/entities/node/model/schemas.ts'
import { HttpError } from '@/lib/http/fetch-json.ts'
import { useLastGood } from './use-last-good.ts'

/** A beat as the page uses it, from the registry's history or from what the page observed. */
export interface PageBeat {
  timestamp: number
  status: string | null
  metrics: BeatMetrics | null
}

export interface RangeHistory {
  range: HistoryRange
  status: 'loading' | 'ready' | 'error'
  error: Error | null
  /**
   * The server's reason when the history route answered 503 (its database is down): what was loaded before
   * stays, and the page says history is unavailable rather than that there is none. Null otherwise.
   */
  unavailable: string | null
  /** 'observed' when the registry has no history route (404): the page's own observations stand in. */
  source: 'registry' | 'observed'
  series: MetricSeries
  /** Signs of life for uptime and outages: this range's data, refined by the last hour's raw beats. */
  spans: AliveSpan[]
  /** The chart's x range: still between refresh steps, so the canvas does not redraw every second. */
  domain: { from: number; to: number }
  /** Bucket size in ms, or null for raw beats. */
  resolutionMs: number | null
  /** The buckets behind a long range (their beat counts refine uptime); empty for raw beats. */
  buckets: readonly { start: number; beats: number }[]
}

export interface NodeHistory {
  /** The last hour's beats oldest first (registry or observed), for the strip and the latest metrics. */
  recent: PageBeat[]
  recentStatus: 'loading' | 'ready' | 'error'
  /** True when any range fell back to observed beats. */
  observedFallback: boolean
  /** Why history is unavailable (a 503 from any range, or the stream saying the database is down); else null. */
  unavailable: string | null
  ranges: Record<HistoryRange, RangeHistory>
}

const EMPTY: PageBeat[] = []

/**
 * Everything the node page draws from heartbeat history: the last hour raw (strip, latest metrics, 1 h
 * range) and the long ranges as buckets. Every range is fetched at once because uptime is shown for all
 * four windows; the chart reads the same queries, so choosing a range fetches nothing new. Where the
 * registry answers 404 (no history route), the beats this page observed since it opened are used instead;
 * a gap between them is downtime only where the page watched the node silent (`aliveSpansFromObserved`).
 */
export function useNodeHistory(
  nodeId: string,
  opts: {
    now: number
    lastHeartbeat: number | null
    thresholds: LivenessThresholds
    observed: readonly ObservedBeat[]
  },
): NodeHistory {
  const { now, lastHeartbeat, thresholds } = opts
  const databaseDown = useServerDatabaseDown()
  const spec = RANGE_SPECS['1h']
  const w1h = rangeQueryWindow(spec, now)
  const raw = useHeartbeats(nodeId, w1h, spec.refreshMs)
  const rawData = useLastGood(nodeId, raw.data)
  const source = rawData === null ? 'observed' : 'registry'
  const observed = useMemo(() => opts.observed.map(observedToPageBeat), [opts.observed])
  const observedSpans = useMemo(
    () => aliveSpansFromObserved(opts.observed, thresholds.onlineMs),
    [opts.observed, thresholds.onlineMs],
  )
  const recent = useMemo<readonly PageBeat[]>(
    () => (rawData === null ? observed : rawData ? rawData.beats.map(toPageBeat) : EMPTY),
    [rawData, observed],
  )
  const recentSpans = useMemo(
    () => (rawData === null ? observedSpans : aliveSpansFromBeats(recent.map((b) => b.timestamp))),
    [rawData, observedSpans, recent],
  )
  const series = useMemo(() => seriesFromBeats(recent, thresholds.onlineMs), [recent, thresholds.onlineMs])
  const domain = useMemo(
    () => ({ from: w1h.until - spec.durationMs, to: w1h.until }),
    [w1h.until, spec.durationMs],
  )
  const oneHour: RangeHistory = {
    range: '1h',
    status: statusOf(raw.isPending, raw.isError, rawData),
    error: raw.error,
    unavailable: unavailableReason(raw.error ?? raw.failureReason) ?? databaseDown,
    source,
    series,
    spans: withLastBeat(recentSpans, lastHeartbeat),
    domain,
    resolutionMs: null,
    buckets: [],
  }
  const ctx = {
    now,
    lastHeartbeat,
    onlineMs: thresholds.onlineMs,
    observed,
    observedSpans,
    recentSpans,
    databaseDown,
  }
  const r24 = useLongRange(nodeId, '24h', ctx)
  const r7 = useLongRange(nodeId, '7d', ctx)
  const r30 = useLongRange(nodeId, '30d', ctx)
  const ranges = { '1h': oneHour, '24h': r24, '7d': r7, '30d': r30 }
  return {
    recent: recent as PageBeat[],
    recentStatus: oneHour.status,
    observedFallback: HISTORY_RANGES.some((r) => ranges[r].source === 'observed'),
    unavailable: HISTORY_RANGES.map((r) => ranges[r].unavailable).find((u) => u !== null) ?? null,
    ranges,
  }
}

function useLongRange(
  nodeId: string,
  range: Exclude<HistoryRange, '1h'>,
  ctx: {
    now: number
    lastHeartbeat: number | null
    onlineMs: number
    observed: readonly PageBeat[]
    observedSpans: AliveSpan[]
    recentSpans: AliveSpan[]
    databaseDown: string | null
  },
): RangeHistory {
  const spec = RANGE_SPECS[range]
  const bucketSeconds = spec.source === 'buckets' ? spec.bucketSeconds : 60
  const window = rangeQueryWindow(spec, ctx.now)
  const q = useHeartbeatBuckets(nodeId, { ...window, bucketSeconds }, spec.refreshMs)
  const data: BucketHistory | null | undefined = useLastGood(nodeId, q.data)
  const bucketMs = (data?.bucketSeconds ?? bucketSeconds) * 1000
  const absent = data === null
  const { observed, onlineMs } = ctx
  const series = useMemo(
    () => (absent ? seriesFromBeats(observed, onlineMs) : seriesFromBuckets(data?.buckets ?? [], bucketMs)),
    [absent, observed, onlineMs, data, bucketMs],
  )
  const domain = useMemo(
    () => ({ from: window.until - spec.durationMs, to: window.until }),
    [window.until, spec.durationMs],
  )
  // No history route: the observed beats are all there is, at full resolution.
  const spans = absent
    ? ctx.observedSpans
    : [
        ...aliveSpansFromBuckets(data?.buckets ?? [], bucketMs, {
          now: ctx.now,
          lastBeat: ctx.lastHeartbeat,
        }),
        ...ctx.recentSpans,
      ].sort((a, b) => a.start - b.start)
  return {
    range,
    status: statusOf(q.isPending, q.isError, data),
    error: q.error,
    unavailable: unavailableReason(q.error ?? q.failureReason) ?? ctx.databaseDown,
    source: absent ? 'observed' : 'registry',
    series,
    spans: withLastBeat(spans, ctx.lastHeartbeat),
    domain,
    resolutionMs: absent ? null : bucketMs,
    buckets: data?.buckets ?? [],
  }
}

function statusOf(pending: boolean, error: boolean, data: unknown): RangeHistory['status'] {
  if (pending) return 'loading'
  return error && data === undefined ? 'error' : 'ready'
}

/**
 * The server's reason when the history route says its database is down (503), else null. A failed attempt
 * counts before the retries end, so a window moving on does not hide the note while it retries.
 */
function unavailableReason(error: Error | null): string | null {
  if (!(error instanceof HttpError) || error.status !== 503) return null
  return error.detail ?? error.message
}

const toPageBeat = (b: TimedHeartbeat): PageBeat => ({
  timestamp: b.timestamp,
  status: b.status,
  metrics: b.metrics,
})

/** A node record carries no metrics: an observed beat has none. */
const observedToPageBeat = (b: ObservedBeat): PageBeat => ({
  timestamp: b.ts,
  status: b.status,
  metrics: null,
})

/** The node record's last heartbeat is a sign of life too, often newer than the last history refresh. */
function withLastBeat(spans: AliveSpan[], lastHeartbeat: number | null): AliveSpan[] {
  if (lastHeartbeat === null) return spans
  return [...spans, { start: lastHeartbeat, end: lastHeartbeat }].sort((a, b) => a.start - b.start)
}
