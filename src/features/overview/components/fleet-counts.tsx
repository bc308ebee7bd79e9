import type { FleetCounts as FleetTally } from '@/entities/node/model/fleet.ts'
import { cn } from '@/lib/cn.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { Skeleton } from '@/ui/skeleton.tsx'
import { overviewMessages } from '../overview-messages.ts'

const tiles = [
  { key: 'online', tone: 'text-ok' },
  { key: 'stale', tone: 'text-warn' },
  { key: 'offline', tone: 'text-bad' },
  { key: 'unknown', tone: 'text-unknown' },
  { key: 'unreachable', tone: 'text-unknown' },
  { key: 'invalid', tone: 'text-bad' },
  { key: 'total', tone: 'text-fg' },
] as const

/** Online, stale, offline and total; never-seen, unknown (registry unreachable) and unreadable only when some are. */
export function FleetCounts({ tally }: { tally: FleetTally | null }) {
  const t = useT(overviewMessages)
  if (!tally) {
    return (
      <div className="flex gap-3" aria-busy="true">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-14 w-24" />
        ))}
      </div>
    )
  }
  const occasional = ['unknown', 'unreachable', 'invalid']
  const shown = tiles.filter((x) => !occasional.includes(x.key) || tally[x.key] > 0)
  return (
    <dl aria-label={t('countsLabel')} className="flex flex-wrap gap-3">
      {shown.map((x) => (
        <div key={x.key} className="min-w-24 rounded-md border border-border bg-raised px-3 py-2">
          <dt className="text-xs uppercase tracking-wide text-muted">{t(x.key)}</dt>
          <dd className={cn('text-2xl font-semibold tabular-nums', x.tone)} data-count={x.key}>
            {tally[x.key]}
          </dd>
        </div>
      ))}
    </dl>
  )
}
