import type { HistoryRange } from '@/entities/node/model/history-range.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDuration } from '@/lib/time/format-time.ts'
import { Skeleton } from '@/ui/skeleton.tsx'
import { MetricsChart } from './metrics-chart.tsx'
import { MetricsSummaryTable } from './metrics-summary-table.tsx'
import { nodePageMessages } from '../node-page-messages.ts'
import { RANGE_NAME, RangePicker } from './range-picker.tsx'
import type { RangeHistory } from '../hooks/use-node-history.ts'

/** The range picker, the chart for the chosen range, and its screen-reader summary. */
export function HistoryChartPanel({
  history,
  range,
  onRangeChange,
}: {
  history: RangeHistory
  range: HistoryRange
  onRangeChange: (r: HistoryRange) => void
}) {
  const t = useT(nodePageMessages)
  const lang = useLang()
  const rangeName = t(RANGE_NAME[range])
  const hasData = history.series.t.length > 0
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{t('chart')}</h3>
        <div className="flex items-center gap-3">
          <span className="text-xs text-muted">
            {history.resolutionMs === null
              ? t('resolutionRaw')
              : t('resolutionBucket', { size: formatDuration(history.resolutionMs, lang) })}
          </span>
          <RangePicker value={range} onChange={onRangeChange} />
        </div>
      </div>
      {history.status === 'loading' ? (
        <Skeleton className="h-[220px] w-full" />
      ) : hasData ? (
        <>
          <MetricsChart
            series={history.series}
            domain={history.domain}
            label={t('chartLabel', { range: rangeName })}
          />
          <MetricsSummaryTable
            series={history.series}
            domain={history.domain}
            caption={t('chartSummary', { range: rangeName })}
          />
        </>
      ) : (
        <p className="flex h-[220px] items-center justify-center rounded border border-dashed border-border text-sm text-muted">
          {t('chartNoData')}
        </p>
      )}
    </div>
  )
}
