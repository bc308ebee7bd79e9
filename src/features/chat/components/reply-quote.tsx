import type { Room } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { relationMessages } from '../relation-messages.ts'
import { bodyOf, stripReplyFallback } from '../model/relations.ts'
import { useChatActions } from './chat-actions-context.tsx'

/** The quoted original above a reply; a click jumps to it in the timeline. */
export function ReplyQuote({ room, eventId }: { room: Room; eventId: string }) {
  const t = useT(relationMessages)
  const actions = useChatActions()
  const original = room.findEventById(eventId)
  if (!original) {
    return (
      <p className="mb-0.5 border-l-2 border-border pl-2 text-xs italic text-muted">{t('quoteMissing')}</p>
    )
  }
  const sender = original.getSender() ?? ''
  const name = room.getMember(sender)?.name ?? sender
  const body = original.isRedacted() ? '—' : stripReplyFallback(bodyOf(original.getContent()))
  return (
    <button
      type="button"
      onClick={() => actions?.jumpTo(eventId)}
      aria-label={t('quoteOf', { name })}
      className="mb-0.5 block w-full border-l-2 border-accent pl-2 text-left text-xs text-muted hover:bg-sunken"
      data-testid="reply-quote"
    >
      <bdi className="font-semibold">{name}</bdi> <bdi className="line-clamp-2 break-words">{body}</bdi>
    </button>
  )
}
