import { useEffect, type ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import { useT } from '@/lib/i18n/use-t.ts'
import { Banner } from '@/ui/banner.tsx'
import { Button } from '@/ui/button.tsx'
import { ErrorDetails } from '@/ui/error-details.tsx'
import { Skeleton } from '@/ui/skeleton.tsx'
import type { IncidentActions } from '../model/incident-actions.ts'
import type { IncidentView, RoomIncidents } from '../model/room-incidents.ts'
import { incidentsMessages } from '../incidents-messages.ts'
import { IncidentCard } from './incident-card.tsx'
import { NotificationToggle } from './notification-toggle.tsx'

export type IncidentsSource =
  | { status: 'ready'; data: RoomIncidents; actions: IncidentActions | null; local: boolean }
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'error'; detail: string; retry: () => void }

/**
 * The Incidents page: open incidents, then the recently resolved, each with its nodes, state, who is on it,
 * its story and its discussion. Every state (loading, signed out, failed, none) says what to do next.
 */
export function IncidentsView({
  source,
  renderPerson,
  nameOf,
  renderThread,
  toolbar = <NotificationToggle />,
}: {
  source: IncidentsSource
  renderPerson: (userId: string) => ReactNode
  nameOf: (userId: string) => string
  renderThread?: (view: IncidentView) => ReactNode
  /** Beside the title (default: the opt-in to browser notifications). */
  toolbar?: ReactNode
}) {
  const t = useT(incidentsMessages)
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <div className="ml-auto">{toolbar}</div>
      </div>
      <IncidentsBody
        source={source}
        renderPerson={renderPerson}
        nameOf={nameOf}
        renderThread={renderThread}
      />
    </div>
  )
}

function IncidentsBody({
  source,
  renderPerson,
  nameOf,
  renderThread,
}: {
  source: IncidentsSource
  renderPerson: (userId: string) => ReactNode
  nameOf: (userId: string) => string
  renderThread?: (view: IncidentView) => ReactNode
}) {
  const t = useT(incidentsMessages)
  if (source.status === 'loading')
    return (
      <div aria-busy="true" className="flex flex-col gap-2">
        <p className="text-sm text-muted">{t('loading')}</p>
        <Skeleton className="h-24 w-full" />
      </div>
    )
  if (source.status === 'signed-out')
    return (
      <Banner
        action={
          <Link to="/chat" className="text-sm font-medium text-accent underline">
            {t('openChat')}
          </Link>
        }
      >
        {t('signedOut')}
      </Banner>
    )
  if (source.status === 'error')
    return (
      <Banner tone="bad" action={<Button onClick={source.retry}>{t('retry')}</Button>}>
        <ErrorDetails detail={source.detail} summary={t('technicalDetails')}>
          {t('loadFailed')}
        </ErrorDetails>
      </Banner>
    )
  const { data, actions, local } = source
  return (
    <IncidentLists
      data={data}
      actions={actions}
      local={local}
      renderPerson={renderPerson}
      nameOf={nameOf}
      renderThread={renderThread}
    />
  )
}

/** The open and the resolved incidents; the one the address names (a notification's click) is scrolled to. */
function IncidentLists({
  data,
  actions,
  local,
  renderPerson,
  nameOf,
  renderThread,
}: {
  data: RoomIncidents
  actions: IncidentActions | null
  local: boolean
  renderPerson: (userId: string) => ReactNode
  nameOf: (userId: string) => string
  renderThread?: (view: IncidentView) => ReactNode
}) {
  const t = useT(incidentsMessages)
  const { hash } = useLocation()
  const named =
    hash.startsWith('#incident-') &&
    data.open.concat(data.resolved).some((v) => `#incident-${v.incident.id}` === hash)
  useEffect(() => {
    if (!named) return
    const el = document.getElementById(decodeURIComponent(hash.slice(1)))
    el?.scrollIntoView({ block: 'start' })
    el?.focus()
  }, [hash, named])
  const card = (v: IncidentView) => (
    <li key={v.incident.id}>
      <IncidentCard
        view={v}
        actions={actions}
        renderPerson={renderPerson}
        nameOf={nameOf}
        thread={v.eventId ? renderThread?.(v) : null}
      />
    </li>
  )
  return (
    <>
      {local && <Banner tone="warn">{t('noBot')}</Banner>}
      <section aria-labelledby="incidents-open" className="flex flex-col gap-2">
        <h2 id="incidents-open" className="font-medium">
          {t('open')} ({data.open.length})
        </h2>
        {data.open.length === 0 ? (
          <p className="text-sm text-muted">{t('noneOpen')}</p>
        ) : (
          <ul className="flex flex-col gap-2">{data.open.map(card)}</ul>
        )}
      </section>
      <section aria-labelledby="incidents-resolved" className="flex flex-col gap-2">
        <h2 id="incidents-resolved" className="font-medium">
          {t('recent')}
        </h2>
        {data.resolved.length === 0 ? (
          <p className="text-sm text-muted">{t('noneResolved')}</p>
        ) : (
          <ul className="flex flex-col gap-2">{data.resolved.slice(0, 20).map(card)}</ul>
        )}
      </section>
    </>
  )
}
