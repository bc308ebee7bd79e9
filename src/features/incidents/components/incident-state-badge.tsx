import type { Incident } from '@/entities/incident/model/incident.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDuration } from '@/lib/time/format-time.ts'
import { cn } from '@/lib/cn.ts'
import { incidentsMessages } from '../incidents-messages.ts'

/** Open / flapping / acknowledged / resolved (with how long it lasted), in words and colour. */
export function IncidentStateBadge({
  incident,
  acknowledged,
}: {
  incident: Incident
  acknowledged: boolean
}) {
  const t = useT(incidentsMessages)
  const lang = useLang()
  const [text, tone] =
    incident.state === 'resolved'
      ? [
          t('stateResolved', {
            duration: formatDuration((incident.resolvedAt ?? incident.since) - incident.since, lang),
          }),
          'border-ok text-ok',
        ]
      : incident.state === 'flapping'
        ? [t('stateFlapping'), 'border-warn text-warn']
        : acknowledged
          ? [t('stateAcknowledged'), 'border-info text-info']
          : [t('stateOpen'), 'border-bad text-bad']
  return (
    <span
      className={cn('rounded-full border px-2 py-0.5 text-xs font-medium', tone)}
      data-state={incident.state}
    >
      {text}
    </span>
  )
}
