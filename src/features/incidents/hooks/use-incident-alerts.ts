import { useEffect, useRef } from 'react'
import { incidentText } from '@/entities/incident/model/incident-text.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { notifyOnce } from '@/lib/notify/notify-once.ts'
import { setTitleCount } from '@/lib/notify/title-count.ts'
import { incidentsMessages } from '../incidents-messages.ts'
import type { IncidentView } from '../model/room-incidents.ts'

/** The tab title's count of open incidents is this source's. */
export const INCIDENTS_TITLE_SOURCE = 'incidents'
/** An incident older than this when first seen (read back from history) is not news. */
const FRESH_MS = 10 * 60_000

/**
 * Counts the open incidents in the tab title and the navigation, and raises one browser notification per new
 * incident across all the console's tabs (`notifyOnce`, keyed by the incident's id; only when opted in).
 * Incidents open when the tab first sees them are not new. Mount once per tab.
 */
export function useIncidentAlerts(
  open: readonly IncidentView[] | null,
  onOpen: (incidentId: string) => void,
  now: () => number = Date.now,
): void {
  const lang = useLang()
  const t = useT(incidentsMessages)
  const known = useRef<Set<string> | null>(null)
  const count = open?.length ?? 0
  useEffect(() => {
    setTitleCount(INCIDENTS_TITLE_SOURCE, count)
  }, [count])
  useEffect(() => () => setTitleCount(INCIDENTS_TITLE_SOURCE, 0), [])
  useEffect(() => {
    if (!open) return
    if (!known.current) {
      known.current = new Set(open.map((v) => v.incident.id))
      return
    }
    for (const { incident } of open) {
      if (known.current.has(incident.id)) continue
      known.current.add(incident.id)
      if (now() - incident.openedAt > FRESH_MS) continue
      void notifyOnce({
        key: `incident:${incident.id}`,
        title: t('notifyTitle'),
        body: incidentText(incident, lang),
        onClick: () => onOpen(incident.id),
      })
    }
  }, [open, lang, t, onOpen, now])
}
