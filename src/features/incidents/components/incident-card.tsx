import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime } from '@/lib/time/format-time.ts'
import { RegistryText, VisibleId } from '@/ui/registry-text.tsx'
import type { IncidentActions } from '../model/incident-actions.ts'
import type { IncidentView } from '../model/room-incidents.ts'
import { incidentsMessages } from '../incidents-messages.ts'
import { AckControl } from './ack-control.tsx'
import { IncidentChanges } from './incident-changes.tsx'
import { IncidentStateBadge } from './incident-state-badge.tsx'

const nodeHref = (id: string) => `/nodes/${encodeURIComponent(id)}`

function NodeLinks({ label, ids }: { label: string; ids: readonly string[] }) {
  if (ids.length === 0) return null
  return (
    <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
      <span className="text-muted">{label}:</span>
      <ul className="contents">
        {ids.map((id) => (
          <li key={id}>
            <Link to={nodeHref(id)} className="text-accent underline">
              <VisibleId value={id} />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** One incident: what failed, since when, its state, who is on it, its story and its discussion. */
export function IncidentCard({
  view,
  actions,
  renderPerson,
  nameOf,
  thread,
}: {
  view: IncidentView
  actions: IncidentActions | null
  renderPerson: (userId: string) => ReactNode
  nameOf: (userId: string) => string
  /** The incident's thread in the room (composed by the app), or nothing for a derived incident. */
  thread?: ReactNode
}) {
  const t = useT(incidentsMessages)
  const lang = useLang()
  const i = view.incident
  const title =
    i.kind === 'registry'
      ? t('kindRegistry', { count: i.unknownCount })
      : i.kind === 'hub' && i.hub
        ? t('kindHub', { hub: i.hub })
        : null
  return (
    <article
      id={`incident-${i.id}`}
      tabIndex={-1}
      aria-labelledby={`incident-${i.id}-title`}
      className="flex flex-col gap-2 rounded-md border border-border bg-raised p-3 shadow-sm target:ring-2 target:ring-accent"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h3 id={`incident-${i.id}-title`} className="font-semibold">
          {title ? <RegistryText value={title} /> : <VisibleId value={i.nodes.join(', ')} />}
        </h3>
        <IncidentStateBadge incident={i} acknowledged={view.ackers.length > 0} />
        <span className="text-xs text-muted">
          {t('since', { time: formatDateTime(i.since, lang, false) })}
        </span>
      </header>
      {i.reason && (
        <p className="text-sm text-muted">
          <RegistryText value={i.reason} />
        </p>
      )}
      <NodeLinks label={t('nodes')} ids={i.nodes} />
      <NodeLinks label={t('through')} ids={i.through} />
      <AckControl view={view} actions={actions} renderPerson={renderPerson} />
      <IncidentChanges changes={view.changes} nameOf={nameOf} />
      {thread}
    </article>
  )
}
