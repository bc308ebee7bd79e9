import { useCallback, useMemo } from 'react'
import { KeptHistoryNote } from '@/entities/node/ui/kept-history-note.tsx'
import { useSearchParams } from 'react-router'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime } from '@/lib/time/format-time.ts'
import { Banner } from '@/ui/banner.tsx'
import { ErrorDetails } from '@/ui/error-details.tsx'
import { Skeleton } from '@/ui/skeleton.tsx'
import {
  filterEvents,
  parseEventFilters,
  writeEventFilters,
  type EventFilters,
} from '../model/derive-events.ts'
import { useFleetEvents } from '../model/use-fleet-events.ts'
import { EventList } from './event-list.tsx'
import { FleetEventFilters } from './fleet-event-filters.tsx'
import { fleetEventsMessages } from '../fleet-events-messages.ts'

/**
 * The fleet-wide event timeline, newest first, filterable by node and kind (both in the URL). It says where
 * its facts come from: the registry's history for a bounded set of nodes, or what this page has observed.
 */
export function FleetEventsView() {
  const t = useT(fleetEventsMessages)
  const lang = useLang()
  const [params, setParams] = useSearchParams()
  const search = params.toString()
  const filters = useMemo(() => parseEventFilters(new URLSearchParams(search)), [search])
  const onChange = useCallback(
    (f: EventFilters) => setParams((prev) => writeEventFilters(prev, f), { replace: true }),
    [setParams],
  )
  const { fleet, result, readAt, observedSince } = useFleetEvents(filters.node)
  const shown = useMemo(() => (result ? filterEvents(result.events, filters) : null), [result, filters])
  const since = observedSince === null ? '…' : formatDateTime(observedSince, lang)

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-col gap-2 px-4 pb-3 pt-4">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-muted">{t('intro')}</p>
        {fleet.isError && !fleet.data && (
          <Banner tone="bad">
            <ErrorDetails detail={fleet.error.message} summary={t('technicalDetails')}>
              {t('loadFailed')}
            </ErrorDetails>
          </Banner>
        )}
        {readAt !== null && (
          <Banner tone="warn">{t('registryUnreachable', { time: formatDateTime(readAt, lang) })}</Banner>
        )}
        {result?.history === 'missing' && <Banner tone="warn">{t('historyMissing', { since })}</Banner>}
        {result?.history === 'failed' && <Banner tone="warn">{t('historyFailed', { since })}</Banner>}
        {result?.history === 'partial' && (
          <Banner tone="info">{t('historyCovers', { count: result.historyCount, since })}</Banner>
        )}
        {result && result.history !== 'complete' && <KeptHistoryNote />}
      </div>
      <FleetEventFilters
        filters={filters}
        onChange={onChange}
        summary={shown && result ? t('count', { shown: shown.length, total: result.events.length }) : ''}
      />
      {!shown || !result ? (
        <div className="space-y-2 p-4">
          <p role="status" className="sr-only">
            {t('loading')}
          </p>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-14 w-full" />
          ))}
        </div>
      ) : shown.length === 0 ? (
        <p className="p-8 text-center font-medium">
          {result.events.length === 0 ? t('empty') : t('emptyFiltered')}
        </p>
      ) : (
        <EventList events={shown} orphanOf={result.orphanOf} busy={result.history === 'loading'} />
      )}
    </div>
  )
}
