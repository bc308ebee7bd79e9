import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { useT } from '@/lib/i18n/use-t.ts'
import { useNow } from '@/lib/time/now-store.ts'
import type { FleetEvent } from '../model/derive-events.ts'
import { EventRow } from './event-row.tsx'
import { fleetEventsMessages } from '../fleet-events-messages.ts'

const ROW_H = 64

/**
 * The events, virtualized: a fleet of 10,000 registers 10,000 events, and only the rows on screen exist.
 * One shared 1 s tick keeps relative times and ongoing durations current.
 */
export function EventList({
  events,
  orphanOf,
  busy = false,
}: {
  events: readonly FleetEvent[]
  orphanOf: ReadonlyMap<string, string>
  /** Some node's history is still being read: the list may still grow (said to assistive technology). */
  busy?: boolean
}) {
  const t = useT(fleetEventsMessages)
  const now = useNow()
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const v = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 8,
    getItemKey: (i) => events[i]?.key ?? i,
  })
  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto">
      <ol
        aria-label={t('eventList')}
        aria-busy={busy}
        className="relative"
        style={{ height: v.getTotalSize() }}
      >
        {v.getVirtualItems().map((item) => {
          const e = events[item.index]
          if (!e) return null
          return (
            <li
              key={item.key}
              aria-setsize={events.length}
              aria-posinset={item.index + 1}
              className="absolute left-0 right-0"
              style={{ top: item.start, height: ROW_H }}
            >
              <EventRow event={e} now={now} orphanOf={orphanOf.get(e.nodeId) ?? null} />
            </li>
          )
        })}
      </ol>
    </div>
  )
}
