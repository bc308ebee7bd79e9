import { EventStatus, type MatrixClient, type MatrixEvent, type Room } from 'matrix-js-sdk'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime, localeOf } from '@/lib/time/format-time.ts'
import { cn } from '@/lib/cn.ts'
import { chatMessages } from '../chat-messages.ts'
import '../chat.css'
import { readEventRelations } from '../hooks/use-event-relations.ts'
import { mentionsMe } from '../model/mentions.ts'
import { readingMessages } from '../reading-messages.ts'
import { Avatar } from './avatar.tsx'
import { EditHistory } from './edit-history.tsx'
import { EventBody } from './event-body.tsx'
import { MessageActions } from './message-actions.tsx'
import { ReactionChips } from './reaction-chips.tsx'
import { ReplyQuote } from './reply-quote.tsx'
import { ThreadSummary } from './thread-summary.tsx'

function timeOf(ts: number, lang: 'uk' | 'en') {
  return new Date(ts).toLocaleTimeString(localeOf(lang), {
    hour: '2-digit',
    minute: '2-digit',
  })
}

/**
 * One message: sender and avatar (unless grouped), time, the quote it replies to, body (latest edit),
 * reactions, thread summary, actions, and for our own pending ones their state.
 */
export function TimelineEvent({
  client,
  room,
  event,
  continuation,
  live,
  inThread = false,
}: {
  client: MatrixClient
  room: Room
  event: MatrixEvent
  continuation: boolean
  /** Whether the connection is up: a message "sending" while it is down is waiting for it. */
  live: boolean
  /** Shown in a thread panel: no thread summary, reply or edit there. */
  inThread?: boolean
}) {
  const t = useT(chatMessages)
  const tr = useT(readingMessages)
  const lang = useLang()
  const sender = event.getSender() ?? ''
  const name = event.sender?.name ?? room.getMember(sender)?.name ?? sender
  const status = event.status
  const failed = status === EventStatus.NOT_SENT
  const ts = event.getTs()
  let state: string | null = null
  if (failed) state = t('failed')
  else if (
    status === EventStatus.SENDING ||
    status === EventStatus.QUEUED ||
    status === EventStatus.ENCRYPTING
  )
    state = live ? (status === EventStatus.QUEUED ? t('queued') : t('sending')) : t('waitingForConnection')
  else if (status === EventStatus.SENT) state = t('sent')
  const relations = readEventRelations(client, room, event)
  const id = event.getId() ?? ''
  const me = client.getUserId()
  const forMe =
    me !== null &&
    !event.isRedacted() &&
    mentionsMe(event.getContent(), sender, { userId: me, displayName: room.getMember(me)?.name })

  return (
    <article
      className={cn(
        'group flex gap-2 px-3 focus-visible:outline-2 focus-visible:outline-accent',
        continuation ? 'pt-0.5' : 'pt-3',
        failed && 'bg-bad/5',
        forMe && 'border-l-2 border-accent bg-accent/10',
      )}
      aria-label={`${name}, ${formatDateTime(ts, lang, false)}${forMe ? `, ${tr('mentionsYou')}` : ''}`}
      data-mentions-me={forMe || undefined}
      data-status={status ?? 'sent'}
      data-event-id={id}
      tabIndex={-1}
    >
      <div className="w-8 shrink-0">{!continuation && <Avatar userId={sender} name={name} />}</div>
      <div className="min-w-0 flex-1">
        {!continuation && (
          <div className="flex items-baseline gap-2">
            <bdi className="truncate text-sm font-semibold">{name}</bdi>
            <time
              className="text-xs text-muted"
              dateTime={new Date(ts).toISOString()}
              title={formatDateTime(ts, lang)}
            >
              {timeOf(ts, lang)}
            </time>
          </div>
        )}
        {relations.replyTo && !event.isRedacted() && <ReplyQuote room={room} eventId={relations.replyTo} />}
        <EventBody client={client} room={room} event={event} senderName={name} />
        {relations.edited && !event.isRedacted() && <EditHistory original={event} edits={relations.edits} />}
        <ReactionChips client={client} room={room} event={event} chips={relations.reactions} />
        {!inThread && relations.thread && (
          <ThreadSummary
            room={room}
            rootId={id}
            count={relations.thread.count}
            last={relations.thread.last}
          />
        )}
        <MessageActions
          client={client}
          room={room}
          event={event}
          chips={relations.reactions}
          inThread={inThread}
        />
        {state && (
          <div className={cn('mt-0.5 flex items-center gap-2 text-xs', failed ? 'text-bad' : 'text-muted')}>
            <span>{state}</span>
            {failed && (
              <>
                <button
                  type="button"
                  className="font-medium text-accent hover:underline"
                  onClick={() => void client.resendEvent(event, room).catch(() => undefined)}
                >
                  {t('retrySend')}
                </button>
                <button
                  type="button"
                  className="font-medium text-bad hover:underline"
                  onClick={() => client.cancelPendingEvent(event)}
                >
                  {t('deleteMessage')}
                </button>
              </>
            )}
          </div>
        )}
      </div>
    </article>
  )
}
