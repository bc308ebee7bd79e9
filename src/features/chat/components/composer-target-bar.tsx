import type { MatrixEvent, Room } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { relationMessages } from '../relation-messages.ts'

/** Above the composer: what the next message answers or edits, with a way out (also Escape). */
export function ComposerTargetBar({
  room,
  target,
  onCancel,
}: {
  room: Room
  target: { kind: 'reply' | 'edit'; event: MatrixEvent }
  onCancel: () => void
}) {
  const t = useT(relationMessages)
  const sender = target.event.getSender() ?? ''
  const name = room.getMember(sender)?.name ?? sender
  return (
    <div className="mb-1 flex items-center gap-2 text-xs text-muted" role="status">
      <span className="min-w-0 flex-1 truncate">
        {target.kind === 'edit' ? t('editing') : <bdi>{t('replyingTo', { name })}</bdi>}
      </span>
      <button type="button" onClick={onCancel} className="font-medium text-accent hover:underline">
        {t('cancel')}
      </button>
    </div>
  )
}
