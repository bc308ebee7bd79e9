import type { MatrixClient, MatrixEvent, Room } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { cn } from '@/lib/cn.ts'
import { relationMessages } from '../relation-messages.ts'
import { reactionContent, type ReactionChip } from '../model/relations.ts'

/** Toggles my reaction `key` on `event`: adds it, or redacts the one I sent. */
export function toggleReaction(
  client: MatrixClient,
  room: Room,
  event: MatrixEvent,
  key: string,
  mine: string | null,
) {
  const id = event.getId()
  if (!id) return
  if (mine) void client.redactEvent(room.roomId, mine).catch(() => undefined)
  // The reaction type is spelled out: the SDK's typed map only knows its own event types' contents.
  else
    void client
      .sendEvent(room.roomId, 'm.reaction' as never, reactionContent(key, id) as never)
      .catch(() => undefined)
}

/** Aggregated reactions under a message: key, count, who reacted; mine pressed, a click toggles it. */
export function ReactionChips({
  client,
  room,
  event,
  chips,
}: {
  client: MatrixClient
  room: Room
  event: MatrixEvent
  chips: ReactionChip[]
}) {
  const t = useT(relationMessages)
  if (chips.length === 0) return null
  const nameOf = (id: string) => room.getMember(id)?.name ?? id
  return (
    <ul className="mt-1 flex flex-wrap gap-1">
      {chips.map((c) => {
        const label = t('reactedBy', { key: c.key, names: c.senders.map(nameOf).join(', ') })
        return (
          <li key={c.key}>
            <button
              type="button"
              aria-pressed={c.mine !== null}
              aria-label={label}
              title={label}
              onClick={() => toggleReaction(client, room, event, c.key, c.mine)}
              className={cn(
                'rounded-full border px-2 py-0.5 text-xs',
                c.mine ? 'border-accent bg-accent/10' : 'border-border hover:bg-sunken',
              )}
            >
              <span className="emoji-text">{c.key}</span> {c.count}
            </button>
          </li>
        )
      })}
    </ul>
  )
}
