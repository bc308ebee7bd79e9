import { useCallback } from 'react'
import { Link } from 'react-router'
import { RoomEvent, ThreadEvent, type Room } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { formatDateTime } from '@/lib/time/format-time.ts'
import { useTypedEventEmitterState } from '@/lib/matrix/use-typed-event-emitter.ts'
import { RegistryText } from '@/ui/registry-text.tsx'
import { incidentsMessages } from '../incidents-messages.ts'

const THREAD_EVENTS = [RoomEvent.Timeline, ThreadEvent.New, ThreadEvent.Update, ThreadEvent.NewReply] as const

const bodyOf = (c: { body?: unknown }) => (typeof c.body === 'string' ? c.body : '')

/**
 * The incident's thread in the room (the bot's escalations, the team's replies) as plain text, and a way
 * to the chat to answer there.
 */
export function IncidentThread({
  room,
  rootId,
  nameOf,
}: {
  room: Room
  rootId: string
  nameOf: (userId: string) => string
}) {
  const t = useT(incidentsMessages)
  const lang = useLang()
  const read = useCallback(() => {
    const events = room.getThread(rootId)?.liveTimeline.getEvents() ?? []
    return events
      .filter((e) => e.getId() !== rootId && e.getType() === 'm.room.message' && !e.isRelation('m.replace'))
      .map((e) => ({
        id: e.getId() ?? '',
        sender: e.getSender() ?? '',
        at: e.getTs(),
        body: bodyOf(e.getContent()),
      }))
  }, [room, rootId])
  const replies = useTypedEventEmitterState(room, THREAD_EVENTS, read)
  return (
    <details className="text-sm">
      <summary className="cursor-pointer select-none text-muted">
        {t('thread', { count: replies.length })}
      </summary>
      <ol className="mt-1 space-y-1 border-l border-border pl-3">
        {replies.map((r) => (
          <li key={r.id}>
            <span className="text-xs text-muted">
              {formatDateTime(r.at, lang, false)} · <RegistryText value={nameOf(r.sender)} />
            </span>
            <p className="whitespace-pre-wrap break-words">
              <RegistryText value={r.body} />
            </p>
          </li>
        ))}
      </ol>
      <Link to="/chat" className="text-xs font-medium text-accent underline">
        {t('openInChat')}
      </Link>
    </details>
  )
}
