import { useRef, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { incidentNodes } from '@/entities/incident/model/incident.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime } from '@/lib/time/format-time.ts'
import { Banner } from '@/ui/banner.tsx'
import { Button } from '@/ui/button.tsx'
import { ErrorDetails } from '@/ui/error-details.tsx'
import { RegistryText } from '@/ui/registry-text.tsx'
import type { IncidentsSource } from './incidents-view.tsx'
import { incidentsMessages } from '../incidents-messages.ts'
import { AckControl } from './ack-control.tsx'
import { MaintenanceDialog } from './maintenance-dialog.tsx'

/**
 * The node page's part of incidents: its open incident (with "I'm on it"), its maintenance, and the
 * "Maintenance…" button, disabled with the reason when the user may not set it.
 */
export function NodeIncidentPanel({
  nodeId,
  source,
  renderPerson,
  nameOf,
  now = Date.now,
}: {
  nodeId: string
  source: IncidentsSource
  renderPerson: (userId: string) => ReactNode
  nameOf: (userId: string) => string
  now?: () => number
}) {
  const t = useT(incidentsMessages)
  const lang = useLang()
  const [dialog, setDialog] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const [endFailed, setEndFailed] = useState<string | null>(null)
  if (source.status !== 'ready') {
    return source.status === 'signed-out' ? (
      <p className="text-sm text-muted">{t('maintenanceSignedOut')}</p>
    ) : null
  }
  const { data, actions, local } = source
  const open = data.open.find((v) => incidentNodes(v.incident).includes(nodeId))
  const maintenance = data.maintenance.get(nodeId)
  const blocked = actions ? (actions.maintenanceBlocked === 'power' ? t('maintenancePower') : null) : null
  const hintId = `maintenance-blocked-${nodeId}`
  return (
    <section aria-label={t('title')} className="flex flex-col gap-2">
      {local && <Banner tone="warn">{t('noBot')}</Banner>}
      {open && (
        <Banner
          tone="bad"
          action={
            <Link
              to={`/incidents#incident-${open.incident.id}`}
              className="text-sm font-medium text-accent underline"
            >
              {t('seeIncident')}
            </Link>
          }
        >
          <div className="flex flex-col gap-1">
            <span>{t('nodeIncident')}</span>
            <AckControl view={open} actions={actions} renderPerson={renderPerson} />
          </div>
        </Banner>
      )}
      {maintenance && (
        <Banner
          action={
            actions && !blocked ? (
              <Button
                onClick={() => {
                  setEndFailed(null)
                  actions.endMaintenance(nodeId).catch((e: unknown) => setEndFailed(String(e)))
                }}
              >
                {t('maintenanceEnd')}
              </Button>
            ) : undefined
          }
        >
          {t('maintenanceUntil', { time: formatDateTime(maintenance.until, lang, false) })}
          {maintenance.reason && (
            <>
              {' · '}
              <RegistryText value={maintenance.reason} />
            </>
          )}
          {maintenance.setBy && (
            <span className="text-muted"> · {t('maintenanceBy', { who: nameOf(maintenance.setBy) })}</span>
          )}
          {endFailed && (
            <div role="alert" className="text-bad">
              <ErrorDetails detail={endFailed} summary={t('technicalDetails')}>
                {t('maintenanceFailed')}
              </ErrorDetails>
            </div>
          )}
        </Banner>
      )}
      {actions && (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            ref={opener}
            onClick={() => setDialog(true)}
            disabled={blocked !== null}
            aria-describedby={blocked ? hintId : undefined}
          >
            {t('maintenance')}
          </Button>
          {blocked && (
            <span id={hintId} className="text-sm text-muted">
              {blocked}
            </span>
          )}
        </div>
      )}
      {dialog && actions && (
        <MaintenanceDialog
          nodeId={nodeId}
          now={now}
          onSave={(until, reason) => actions.setMaintenance(nodeId, until, reason)}
          onClose={() => {
            setDialog(false)
            // Focus goes back where the dialog was opened from.
            opener.current?.focus()
          }}
        />
      )}
    </section>
  )
}
