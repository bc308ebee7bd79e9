import type { HistoryRange } from '@/entities/node/model/history-range.ts'
import type { Uptime } from '@/entities/node/model/uptime.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime, formatDuration } from '@/lib/time/format-time.ts'
import { Skeleton } from '@/ui/skeleton.tsx'
import { nodePageMessages } from '../node-page-messages.ts'
import { RANGE_LABEL } from './range-picker.tsx'

export interface UptimeItem {
  range: HistoryRange
  /** null while the window's history loads. */
  uptime: Uptime | null
  /** Set when the window was cut short (observed history, or a node registered inside it). */
  clippedFrom: number | null
}

/** Shows 99.95 as "99.95 %", but never rounds a window with downtime up to 100 %. */
export function formatUptime(ratio: number): string {
  const pct = ratio * 100
  if (pct >= 100) return '100 %'
  const fixed = pct >= 99 ? Math.floor(pct * 100) / 100 : Math.floor(pct * 10) / 10
  return `${fixed.toFixed(pct >= 99 ? 2 : 1)} %`
}

/** Uptime per window (1 h, 24 h, 7 d, 30 d), where a silence longer than the online threshold is down. */
export function UptimePanel({ items, onlineMs }: { items: UptimeItem[]; onlineMs: number }) {
  const t = useT(nodePageMessages)
  const lang = useLang()
  return (
    <section aria-labelledby="uptime-heading" className="space-y-2">
      <h3 id="uptime-heading" className="text-sm font-semibold">
        {t('uptime')}
      </h3>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {items.map(({ range, uptime, clippedFrom }) => (
          <div key={range} className="rounded-md border border-border bg-raised px-3 py-2">
            <dt className="text-xs text-muted">{t(RANGE_LABEL[range])}</dt>
            <dd className="m-0">
              {uptime === null ? (
                <Skeleton className="h-6 w-20" />
              ) : uptime.ratio === null ? (
                <span className="text-muted">{t('uptimeNoData')}</span>
              ) : (
                <>
                  <span
                    className={
                      uptime.ratio >= 0.999
                        ? 'text-lg font-semibold text-ok'
                        : uptime.ratio >= 0.95
                          ? 'text-lg font-semibold text-warn'
                          : 'text-lg font-semibold text-bad'
                    }
                  >
                    {formatUptime(uptime.ratio)}
                  </span>
                  <span className="block text-xs text-muted">
                    {t('uptimeDown', { duration: formatDuration(uptime.downMs, lang) })}
                    {clippedFrom !== null && (
                      <> · {t('uptimeSince', { time: formatDateTime(clippedFrom, lang, false) })}</>
                    )}
                  </span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted">{t('uptimeRule', { threshold: formatDuration(onlineMs, lang) })}</p>
    </section>
  )
}
