import type { MatrixClient, Room } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { relationMessages } from '../relation-messages.ts'
import { Composer } from './composer.tsx'
import { TimelineEvent } from './timeline-event.tsx'

/**
 * A thread beside the room: its root, its replies (re-read on every render: the room view re-renders on
 * each thread update), and a composer that answers in the thread.
 */
export function ThreadPanel({
  client,
  room,
  rootId,
  live,
  activityAllowed,
  onClose,
}: {
  client: MatrixClient
  room: Room
  rootId: string
  live: boolean
  activityAllowed: boolean
  onClose: () => void
}) {
  const t = useT(relationMessages)
  const root = room.findEventById(rootId)
  const thread = room.getThread(rootId)
  // The thread's events, then my replies still on their way (local echo is kept apart from timelines).
  const pending = room.getPendingEvents().filter((e) => e.threadRootId === rootId)
  const seen = new Set<string>()
  const replies = [...(thread?.liveTimeline.getEvents() ?? []), ...pending].filter((e) => {
    const key = e.getTxnId() ?? e.getId() ?? ''
    if (seen.has(key) || e.getId() === rootId) return false
    seen.add(key)
    return e.getType() === 'm.room.message' && !e.isRelation('m.replace')
  })
  const lastId = replies.at(-1)?.getId() ?? rootId
  return (
    <section aria-label={t('threadTitle')} className="flex h-full min-h-0 flex-col">
      <header className="flex items-center gap-2 border-b border-border px-3 py-2">
        <h3 className="flex-1 text-sm font-semibold">{t('threadTitle')}</h3>
        <button type="button" onClick={onClose} className="text-xs font-medium text-accent hover:underline">
          {t('closeThread')}
        </button>
      </header>
      <ol className="min-h-0 flex-1 overflow-y-auto pb-2" aria-label={t('threadTitle')}>
        {root && (
          <li className="border-b border-border pb-2">
            <TimelineEvent
              client={client}
              room={room}
              event={root}
              continuation={false}
              live={live}
              inThread
            />
          </li>
        )}
        {replies.map((e) => (
          <li key={e.getTxnId() ?? e.getId()}>
            <TimelineEvent client={client} room={room} event={e} continuation={false} live={live} inThread />
          </li>
        ))}
      </ol>
      <Composer
        client={client}
        room={room}
        activityAllowed={activityAllowed}
        target={{ kind: 'thread', rootId, lastId }}
        label={t('threadComposer')}
      />
    </section>
  )
}
