import type { Outage } from '@/entities/node/model/outages.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime, formatDuration } from '@/lib/time/format-time.ts'
import { Skeleton } from '@/ui/skeleton.tsx'
import { nodePageMessages } from '../node-page-messages.ts'

const MAX_ROWS = 20

/**
 * Outages newest first, with start and duration; an ongoing one's duration ticks because the parent
 * recomputes outages against the shared 1 s clock.
 */
export function OutagesList({
  outages,
  title,
  resolution,
  loading,
}: {
  outages: readonly Outage[]
  title: string
  /** How fine the data behind the list is ("every beat", "1 h buckets"): shorter silences cannot show. */
  resolution: string
  loading: boolean
}) {
  const t = useT(nodePageMessages)
  const lang = useLang()
  const newestFirst = [...outages].reverse()
  const shown = newestFirst.slice(0, MAX_ROWS)
  return (
    <section aria-labelledby="outages-heading" className="space-y-2">
      <h3 id="outages-heading" className="text-sm font-semibold">
        {title} <span className="text-xs font-normal text-muted">({resolution})</span>
      </h3>
      {loading ? (
        <Skeleton className="h-16 w-full" />
      ) : shown.length === 0 ? (
        <p className="text-sm text-muted">{t('outagesNone')}</p>
      ) : (
        <table aria-labelledby="outages-heading" className="w-full text-left text-sm">
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">
                {t('outageStart')}
              </th>
              <th scope="col" className="py-1 pr-4 font-medium">
                {t('outageDuration')}
              </th>
              <th scope="col" className="py-1 font-medium">
                {t('outageEnd')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((o) => (
              <tr key={o.start} className="border-t border-border">
                <td className="py-1 pr-4 tabular-nums">
                  {o.openStart
                    ? t('outageOpenStart', { time: formatDateTime(o.start, lang) })
                    : formatDateTime(o.start, lang)}
                </td>
                <td className="py-1 pr-4 tabular-nums">{formatDuration(o.durationMs, lang)}</td>
                <td className="py-1 tabular-nums">
                  {o.end === null ? (
                    <span className="rounded-full border border-bad px-2 text-xs font-medium text-bad">
                      {t('outageOngoing')}
                    </span>
                  ) : (
                    formatDateTime(o.end, lang)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {newestFirst.length > MAX_ROWS && (
        <p className="text-xs text-muted">{t('outagesMore', { count: newestFirst.length - MAX_ROWS })}</p>
      )}
    </section>
  )
}
