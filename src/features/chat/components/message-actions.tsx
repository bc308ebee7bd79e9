import type { MatrixClient, MatrixEvent, Room } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { relationMessages } from '../relation-messages.ts'
import { QUICK_REACTIONS, type ReactionChip } from '../model/relations.ts'
import { useChatActions } from './chat-actions-context.tsx'
import { toggleReaction } from './reaction-chips.tsx'

const btn =
  'rounded px-1.5 py-0.5 text-xs text-muted hover:bg-sunken hover:text-fg focus-visible:outline-2 focus-visible:outline-accent'

/** A message's actions (reply, quick reactions, edit mine, thread): shown on hover and on keyboard focus. */
export function MessageActions({
  client,
  room,
  event,
  chips,
  inThread,
}: {
  client: MatrixClient
  room: Room
  event: MatrixEvent
  chips: ReactionChip[]
  inThread: boolean
}) {
  const t = useT(relationMessages)
  const actions = useChatActions()
  const id = event.getId()
  if (!id?.startsWith('$') || event.isRedacted()) return null
  const mine = event.getSender() === client.getUserId()
  const editable = mine && (event.getContent() as { msgtype?: unknown }).msgtype === 'm.text'
  return (
    <div
      role="toolbar"
      aria-label={t('actions')}
      className="flex flex-wrap gap-0.5 opacity-0 focus-within:opacity-100 group-hover:opacity-100"
    >
      {!inThread && actions && (
        <button type="button" className={btn} onClick={() => actions.replyTo(event)}>
          {t('reply')}
        </button>
      )}
      {QUICK_REACTIONS.map((key) => (
        <button
          key={key}
          type="button"
          className={btn}
          aria-label={t('react', { key })}
          onClick={() =>
            toggleReaction(client, room, event, key, chips.find((c) => c.key === key)?.mine ?? null)
          }
        >
          <span className="emoji-text">{key}</span>
        </button>
      ))}
      {editable && actions && !inThread && (
        <button type="button" className={btn} onClick={() => actions.edit(event)}>
          {t('edit')}
        </button>
      )}
      {!inThread && actions && (
        <button type="button" className={btn} onClick={() => actions.openThread(id)}>
          {t('replyInThread')}
        </button>
      )}
    </div>
  )
}
