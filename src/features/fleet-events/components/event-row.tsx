import { memo } from 'react'
import { Link } from 'react-router'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime, formatDuration, formatRelative } from '@/lib/time/format-time.ts'
import { cn } from '@/lib/cn.ts'
import type { FleetEvent, FleetEventKind } from '../model/derive-events.ts'
import { fleetEventsMessages } from '../fleet-events-messages.ts'

export const kindTone: Record<FleetEventKind, string> = {
  stale: 'border-warn text-warn',
  offline: 'border-bad text-bad',
  recovered: 'border-ok text-ok',
  registered: 'border-info text-info',
  orphan: 'border-unknown text-unknown',
}

const sourceKey = { history: 'sourceHistory', observed: 'sourceObserved', fleet: 'sourceFleet' } as const

const detailKey = {
  stale: 'staleText',
  offline: 'offlineText',
  recovered: 'recoveredText',
  registered: 'registeredText',
  orphan: 'orphanText',
} as const

/**
 * One event: kind, node (a link to its page), what happened, when (relative, with the absolute time beside
 * it) and for how long. An ongoing state's duration counts up with `now`.
 */
export const EventRow = memo(function EventRow({
  event,
  now,
  orphanOf,
}: {
  event: FleetEvent
  now: number
  orphanOf?: string | null
}) {
  const t = useT(fleetEventsMessages)
  const lang = useLang()
  const duration =
    event.durationMs === null
      ? null
      : formatDuration(event.ongoing ? Math.max(event.durationMs, now - event.at) : event.durationMs, lang)
  let detail: string
  if (event.kind === 'recovered') detail = t('recoveredText', { duration: duration ?? '—' })
  else if (event.kind === 'orphan')
    detail = orphanOf ? t('orphanText', { of: orphanOf }) : t('orphanTextNoOf')
  else detail = t(detailKey[event.kind])

  return (
    <article
      data-event-kind={event.kind}
      data-node-id={event.nodeId}
      className="flex h-full items-center gap-3 border-b border-border px-4 text-sm"
    >
      <span
        className={cn(
          'w-36 shrink-0 rounded-full border px-2 py-0.5 text-center text-xs font-semibold',
          kindTone[event.kind],
        )}
      >
        {t(event.kind)}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate">
          <Link
            to={`/nodes/${encodeURIComponent(event.nodeId)}`}
            className="font-medium text-accent underline-offset-2 hover:underline"
            aria-label={t('openNode', { node: event.nodeName })}
          >
            {event.nodeName}
          </Link>{' '}
          <span className="text-muted">{detail}</span>
        </p>
        <p className="truncate text-xs text-muted">
          {event.kind !== 'recovered' && duration !== null && (
            <span className="mr-2 font-medium text-fg">
              {event.ongoing ? t('ongoing', { duration }) : t('lasted', { duration })}
            </span>
          )}
          {t(sourceKey[event.source])}
        </p>
      </div>
      <time dateTime={new Date(event.at).toISOString()} className="shrink-0 text-right text-xs tabular-nums">
        <span className="block font-medium">{formatRelative(event.at, now, lang)}</span>
        <span className="block text-muted">{formatDateTime(event.at, lang)}</span>
      </time>
    </article>
  )
})
