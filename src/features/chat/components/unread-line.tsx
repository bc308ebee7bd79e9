import { useT } from '@/lib/i18n/use-t.ts'
import { readingMessages } from '../reading-messages.ts'

/** The line above the first message I have not read. */
export function UnreadLine() {
  const t = useT(readingMessages)
  return (
    <div
      role="separator"
      aria-label={t('unreadLine')}
      data-testid="unread-line"
      className="flex items-center gap-2 px-3 pt-2 text-xs font-semibold text-bad"
    >
      <span className="h-px flex-1 bg-bad" />
      <span>{t('unreadLine')}</span>
    </div>
  )
}

/** Over the top of the timeline while the unread line is above what is on screen. */
export function JumpToUnread({ onJump, onMarkRead }: { onJump: () => void; onMarkRead: () => void }) {
  const t = useT(readingMessages)
  return (
    <div className="absolute left-1/2 top-2 z-10 flex -translate-x-1/2 overflow-hidden rounded-full bg-accent text-xs font-medium text-accent-fg shadow">
      <button type="button" onClick={onJump} className="px-3 py-1 hover:underline">
        {t('jumpToUnread')}
      </button>
      <button
        type="button"
        onClick={onMarkRead}
        aria-label={t('markRead')}
        title={t('markRead')}
        className="border-l border-accent-fg/30 px-2 py-1"
      >
        ✕
      </button>
    </div>
  )
}
