import { useState } from 'react'
import { RANGE_SPECS, type HistoryRange } from '@/entities/node/model/history-range.ts'
import type { LivenessThresholds } from '@/entities/node/model/liveness.ts'
import { useObservedHeartbeats, useObservedSince } from '@/entities/node/model/observed-history-context.tsx'
import { KeptHistoryNote } from '@/entities/node/ui/kept-history-note.tsx'
import type { TimeWindow } from '@/entities/node/model/outages.ts'
import {
  excludingMaintenance,
  thinBucketDowntime,
  uptimeOf,
  withExtraDowntime,
} from '@/entities/node/model/uptime.ts'
import { useConfig } from '@/lib/config/config-context.tsx'
import { useLang, type Lang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { dateTimeFormat, formatDateTime, formatDuration } from '@/lib/time/format-time.ts'
import { useNow } from '@/lib/time/now-store.ts'
import { Banner } from '@/ui/banner.tsx'
import { ErrorDetails } from '@/ui/error-details.tsx'
import { Card } from './field-list.tsx'
import { HeartbeatStrip } from './heartbeat-strip.tsx'
import { HistoryChartPanel } from './history-chart-panel.tsx'
import { LatestMetrics } from './latest-metrics.tsx'
import { nodePageMessages } from '../node-page-messages.ts'
import { OutagesList } from './outages-list.tsx'
import { RANGE_NAME } from './range-picker.tsx'
import { UptimePanel, type UptimeItem } from './uptime-panel.tsx'
import { useNodeHistory } from '../hooks/use-node-history.ts'

const ALL: HistoryRange[] = ['1h', '24h', '7d', '30d']
/** A window whose history could not be read: "no data", never a made-up 0 %. */
const NO_UPTIME = { upMs: 0, downMs: 0, windowMs: 0, ratio: null, outages: [] }

/** The time of day, with the date once it may be another day's (history kept across reloads). */
const clockTime = (ts: number, lang: Lang, now: number) =>
  now - ts < 12 * 3_600_000
    ? dateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(ts)
    : formatDateTime(ts, lang, false)

const NO_MAINTENANCE: readonly TimeWindow[] = []

/**
 * Everything on the node page that moves with time: latest metrics, the beat strip, the chart, uptime and
 * outages. It alone follows the shared 1 s clock (ongoing outages and uptime tick); the canvases redraw
 * only when their data or size change.
 */
export function NodeHistoryArea({
  nodeId,
  lastHeartbeat,
  registeredAt,
  thresholds,
  unreachable,
  maintenance = NO_MAINTENANCE,
}: {
  nodeId: string
  lastHeartbeat: number | null
  registeredAt: number | null
  thresholds: LivenessThresholds
  /** The registry cannot be read: an empty strip or metrics card says so, not "none sent". */
  unreachable: boolean
  /** The node's maintenance windows: drawn on the strip and left out of uptime. */
  maintenance?: readonly TimeWindow[]
}) {
  const t = useT(nodePageMessages)
  const lang = useLang()
  const now = useNow()
  const intervalMs = useConfig().heartbeatIntervalSeconds * 1000
  const [range, setRange] = useState<HistoryRange>('24h')
  const observed = useObservedHeartbeats(nodeId)
  const observedSince = useObservedSince()
  const history = useNodeHistory(nodeId, { now, lastHeartbeat, thresholds, observed })

  const firstObserved = observed[0]?.ts ?? observedSince ?? now
  const uptimes: UptimeItem[] = ALL.map((r) => {
    const h = history.ranges[r]
    const rangeStart = now - RANGE_SPECS[r].durationMs
    // The window is cut where nothing could be known: before the page observed anything, or before the node existed.
    const floor = h.source === 'observed' ? Math.min(firstObserved, now) : registeredAt
    const clipped = floor !== null && floor > rangeStart
    const start = clipped ? floor : rangeStart
    const window = { start, end: now }
    const uptime =
      h.status === 'loading'
        ? null
        : h.status === 'error'
          ? NO_UPTIME
          : h.resolutionMs === null
            ? uptimeOf(h.spans, window, thresholds.onlineMs)
            : withExtraDowntime(
                uptimeOf(h.spans, window, thresholds.onlineMs),
                thinBucketDowntime(
                  h.buckets,
                  h.resolutionMs,
                  intervalMs,
                  thresholds.onlineMs,
                  window,
                  lastHeartbeat,
                ),
              )
    return {
      range: r,
      uptime: uptime && excludingMaintenance(uptime, window, maintenance),
      clippedFrom: clipped ? start : null,
    }
  })
  const selected = history.ranges[range]
  const selectedUptime = uptimes.find((u) => u.range === range)?.uptime ?? null
  const rangeName = t(RANGE_NAME[range])
  const latest = [...history.recent].reverse().find((b) => b.metrics !== null) ?? null

  return (
    <>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <LatestMetrics
          beat={latest}
          loading={history.recentStatus === 'loading'}
          observedOnly={history.ranges['1h'].source === 'observed'}
          unavailable={history.unavailable !== null}
          unreachable={unreachable}
        />
        <Card title={t('strip')} id="node-strip">
          <HeartbeatStrip
            beats={history.recent}
            thresholds={thresholds}
            maintenance={maintenance}
            unreachable={unreachable}
            emptyText={history.unavailable === null ? undefined : t('historyUnavailableShort')}
          />
        </Card>
      </div>
      <section
        aria-labelledby="node-history"
        className="space-y-4 rounded-lg border border-border bg-raised p-4"
      >
        <h2 id="node-history" className="text-base font-semibold">
          {t('history')}
        </h2>
        {history.observedFallback && (
          <Banner tone="info">
            <p>
              {t('historyObserved', {
                count: observed.length,
                time: clockTime(observedSince ?? firstObserved, lang, now),
              })}
            </p>
            <KeptHistoryNote className="mt-1 text-xs" />
          </Banner>
        )}
        {history.unavailable !== null ? (
          <Banner tone="warn">
            <p>{t('historyUnavailable')}</p>
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-muted">{t('historyUnavailableReason')}</summary>
              <p className="mt-1 font-mono text-xs break-words">{history.unavailable}</p>
            </details>
          </Banner>
        ) : (
          selected.status === 'error' && (
            <Banner tone="bad">
              <ErrorDetails detail={selected.error?.message} summary={t('technicalDetails')}>
                {t('historyFailed')}
              </ErrorDetails>
            </Banner>
          )
        )}
        <HistoryChartPanel history={selected} range={range} onRangeChange={setRange} />
        <UptimePanel items={uptimes} onlineMs={thresholds.onlineMs} />
        <OutagesList
          outages={selectedUptime?.outages ?? []}
          loading={selectedUptime === null}
          title={t('outages', { range: rangeName })}
          resolution={
            selected.resolutionMs === null
              ? t('resolutionRaw')
              : t('resolutionBucket', { size: formatDuration(selected.resolutionMs, lang) })
          }
        />
      </section>
    </>
  )
}
