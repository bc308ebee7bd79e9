import { useState, type ReactNode } from 'react'
import { useT } from '@/lib/i18n/use-t.ts'
import { Button } from '@/ui/button.tsx'
import { ErrorDetails } from '@/ui/error-details.tsx'
import { isOpen } from '@/entities/incident/model/incident.ts'
import type { IncidentActions } from '../model/incident-actions.ts'
import type { IncidentView } from '../model/room-incidents.ts'
import { incidentsMessages } from '../incidents-messages.ts'

/**
 * Who is on an incident (each with their presence, drawn by `renderPerson`), and the "I'm on it" button:
 * a 👀 reaction on the incident's message, which the user can take back while it is theirs.
 */
export function AckControl({
  view,
  actions,
  renderPerson,
}: {
  view: IncidentView
  actions: IncidentActions | null
  renderPerson: (userId: string) => ReactNode
}) {
  const t = useT(incidentsMessages)
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'sending' } | { kind: 'failed'; detail: string }
  >({
    kind: 'idle',
  })
  const mine = actions ? view.ackers.find((a) => a.userId === actions.me) : undefined
  const run = (action: () => Promise<void>) => {
    setState({ kind: 'sending' })
    action().then(
      () => setState({ kind: 'idle' }),
      (e: unknown) => setState({ kind: 'failed', detail: e instanceof Error ? e.message : String(e) }),
    )
  }
  const others = view.ackers.filter((a) => a.userId !== actions?.me)
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {mine && <span data-testid="acker">{t('youOnIt')}</span>}
        {others.map((a) => (
          <span key={a.userId} data-testid="acker" className="inline-flex items-center gap-1">
            {renderPerson(a.userId)} <span>{t('isOnIt')}</span>
          </span>
        ))}
        {view.ackers.length === 0 && isOpen(view.incident) && (
          <span className="text-muted">{t('nobodyOnIt')}</span>
        )}
        {actions && view.eventId && isOpen(view.incident) && !mine && (
          <Button
            variant="primary"
            disabled={state.kind === 'sending'}
            onClick={() => run(() => actions.acknowledge(view.eventId ?? ''))}
          >
            {state.kind === 'sending' ? t('sending') : t('imOnIt')}
          </Button>
        )}
        {actions && mine?.reactionId && (
          <Button
            variant="ghost"
            disabled={state.kind === 'sending'}
            onClick={() => run(() => actions.withdraw(mine.reactionId ?? ''))}
          >
            {t('withdraw')}
          </Button>
        )}
      </div>
      {state.kind === 'failed' && (
        <p role="alert" className="text-bad">
          <ErrorDetails detail={state.detail} summary={t('technicalDetails')}>
            {t('actionFailed')}
          </ErrorDetails>
        </p>
      )}
    </div>
  )
}
