import type { MatrixEvent, Room } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { relationMessages } from '../relation-messages.ts'
import { bodyOf, stripReplyFallback } from '../model/relations.ts'
import { useChatActions } from './chat-actions-context.tsx'

/** Under a thread's root: how many replies, the last one, and a button into the thread. */
export function ThreadSummary({
  room,
  rootId,
  count,
  last,
}: {
  room: Room
  rootId: string
  count: number
  last: MatrixEvent | null
}) {
  const t = useT(relationMessages)
  const actions = useChatActions()
  const sender = last?.getSender() ?? ''
  const name = room.getMember(sender)?.name ?? sender
  const body = last ? stripReplyFallback(bodyOf(last.getContent())) : ''
  return (
    <button
      type="button"
      onClick={() => actions?.openThread(rootId)}
      className="mt-1 block w-full rounded border border-border px-2 py-1 text-left text-xs hover:bg-sunken"
      data-testid="thread-summary"
    >
      <span className="font-medium text-accent">{t('threadSummary', { count })}</span>
      {last && (
        <span className="block truncate text-muted">
          <bdi>{t('threadLast', { name, body })}</bdi>
        </span>
      )}
    </button>
  )
}
