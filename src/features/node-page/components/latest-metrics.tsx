import type { BeatMetrics } from '@/entities/node/model/schemas.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime } from '@/lib/time/format-time.ts'
import { Skeleton } from '@/ui/skeleton.tsx'
import { Card } from './field-list.tsx'
import { nodePageMessages } from '../node-page-messages.ts'

function Gauge({
  label,
  value,
  detail,
}: {
  label: string
  value: number | null | undefined
  detail?: string
}) {
  const v = typeof value === 'number' ? Math.min(100, Math.max(0, value)) : null
  const tone = v === null ? 'bg-unknown' : v >= 90 ? 'bg-bad' : v >= 75 ? 'bg-warn' : 'bg-ok'
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className="tabular-nums">{v === null ? '—' : `${v.toFixed(1)}%`}</span>
      </div>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={v ?? 0}
        aria-valuetext={v === null ? '—' : `${v.toFixed(1)}%`}
        className="mt-1 h-2 overflow-hidden rounded-full bg-sunken"
      >
        {v !== null && <div className={`h-full ${tone}`} style={{ width: `${v}%` }} />}
      </div>
      {detail && <p className="mt-0.5 text-xs text-muted">{detail}</p>}
    </div>
  )
}

/** CPU, memory and disk from the newest beat that carried metrics. */
export function LatestMetrics({
  beat,
  loading,
  observedOnly,
  unavailable = false,
  unreachable = false,
}: {
  beat: { timestamp: number; metrics: BeatMetrics | null } | null
  loading: boolean
  /** The registry has no history route: metrics travel only with history, so none can be shown. */
  observedOnly: boolean
  /** History is unavailable (the server's database is down): say so, not that the node sent none. */
  unavailable?: boolean
  /** The registry cannot be read: nothing can be said about metrics sent since. */
  unreachable?: boolean
}) {
  const t = useT(nodePageMessages)
  const lang = useLang()
  const m = beat?.metrics
  const gb = (n: number | null | undefined) => (typeof n === 'number' ? t('gb', { n }) : undefined)
  return (
    <Card title={t('metrics')} id="node-metrics">
      {loading ? (
        <div className="space-y-3" aria-hidden="true">
          <Skeleton className="h-6 w-full" />
          <Skeleton className="h-6 w-full" />
          <Skeleton className="h-6 w-full" />
        </div>
      ) : !beat || !m ? (
        <p className="text-sm text-muted">
          {unreachable
            ? t('metricsUnreachable')
            : unavailable
              ? t('historyUnavailableShort')
              : observedOnly
                ? t('noMetricsObserved')
                : t('noMetrics')}
        </p>
      ) : (
        <div className="space-y-3">
          <p className="text-xs text-muted">
            {t('metricsAt', { time: formatDateTime(beat.timestamp, lang) })}
          </p>
          <Gauge label={t('cpu')} value={m.cpu_percent} />
          <Gauge
            label={t('memory')}
            value={m.memory_percent}
            detail={gb(m.memory_available_gb) && `${t('memoryAvailable')}: ${gb(m.memory_available_gb)}`}
          />
          <Gauge
            label={t('disk')}
            value={m.disk_percent}
            detail={gb(m.disk_free_gb) && `${t('diskFree')}: ${gb(m.disk_free_gb)}`}
          />
        </div>
      )}
    </Card>
  )
}
