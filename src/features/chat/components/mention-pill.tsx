import type { Room } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { cn } from '@/lib/cn.ts'
import { permalinkOf, type MentionTarget } from '../model/mentions.ts'
import { readingMessages } from '../reading-messages.ts'

/**
 * A user or room mentioned in a message, drawn as a pill with the member's current name (or the room's);
 * a mention of me stands out. Opens the permalink in a new tab, like any other link.
 */
export function MentionPill({ room, target, me }: { room: Room; target: MentionTarget; me: string | null }) {
  const t = useT(readingMessages)
  const id = target.kind === 'user' ? target.userId : target.roomIdOrAlias
  const thisRoom =
    target.kind === 'room' &&
    (id === room.roomId || id === room.getCanonicalAlias() || room.getAltAliases().includes(id))
  const name = target.kind === 'user' ? (room.getMember(id)?.name ?? id) : thisRoom ? room.name || id : id
  const mine = target.kind === 'user' && id === me
  return (
    <a
      href={permalinkOf(id)}
      target="_blank"
      rel="noopener noreferrer"
      title={id}
      aria-label={t(target.kind === 'user' ? 'userPill' : 'roomPill', { name })}
      data-testid="mention-pill"
      data-mention={id}
      className={cn(
        'inline-block max-w-full truncate rounded-full px-1.5 align-bottom text-[0.9em] font-medium no-underline!',
        mine ? 'bg-accent text-accent-fg!' : 'bg-sunken text-fg!',
      )}
    >
      {target.kind === 'user' && '@'}
      <bdi>{name}</bdi>
    </a>
  )
}
