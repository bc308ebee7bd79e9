import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime, formatDuration } from '@/lib/time/format-time.ts'
import type { IncidentChange } from '../model/incident-timeline.ts'
import { incidentsMessages } from '../incidents-messages.ts'

/** An incident's story, from its message's edits, oldest first. */
export function IncidentChanges({
  changes,
  nameOf,
}: {
  changes: IncidentChange[]
  nameOf: (userId: string) => string
}) {
  const t = useT(incidentsMessages)
  const lang = useLang()
  const text = (c: IncidentChange): string => {
    switch (c.kind) {
      case 'opened':
        return t('chOpened', { nodes: c.nodes.join(', ') })
      case 'joined':
        return t('chJoined', { nodes: c.nodes.join(', ') })
      case 'back':
        return t('chBack', { nodes: c.nodes.join(', ') })
      case 'down-again':
        return t('chDownAgain', { nodes: c.nodes.join(', ') })
      case 'flapping':
        return t('chFlapping', { nodes: c.nodes.join(', ') })
      case 'acknowledged':
        return t('chAcknowledged', { who: nameOf(c.userId) })
      case 'escalated':
        return t(c.reason === 'unacknowledged' ? 'chEscalatedUnack' : 'chEscalatedGone')
      case 'resolved':
        return t('chResolved', { duration: formatDuration(c.durationMs, lang) })
      case 'reopened':
        return t('chReopened')
    }
  }
  return (
    <details className="text-sm">
      <summary className="cursor-pointer select-none text-muted">{t('timeline')}</summary>
      <ol className="mt-1 space-y-0.5 border-l border-border pl-3">
        {changes.map((c, i) => (
          <li key={i}>
            <time dateTime={new Date(c.at).toISOString()} className="text-xs text-muted tabular-nums">
              {formatDateTime(c.at, lang, false)}
            </time>{' '}
            {text(c)}
          </li>
        ))}
      </ol>
    </details>
  )
}
