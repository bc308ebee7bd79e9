import { useNotificationOptIn } from '@/lib/notify/notification-opt-in.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { readingMessages } from '../reading-messages.ts'

/** Opt in to a browser notification when someone mentions me while the console is in the background. */
export function MentionNotifyToggle() {
  const t = useT(readingMessages)
  const enabled = useNotificationOptIn((s) => s.enabled)
  const permission = useNotificationOptIn((s) => s.permission)
  const enable = useNotificationOptIn((s) => s.enable)
  const disable = useNotificationOptIn((s) => s.disable)
  if (permission === 'unsupported') return null
  const blocked = permission === 'denied'
  return (
    <button
      type="button"
      aria-pressed={enabled}
      disabled={blocked}
      title={blocked ? t('notifyBlocked') : t('notifyHint')}
      onClick={() => (enabled ? disable() : void enable())}
      className="rounded px-2 py-1 text-xs text-muted hover:bg-sunken aria-pressed:text-accent disabled:opacity-60"
    >
      {blocked ? t('notifyBlockedShort') : t('notifyMentions')}
    </button>
  )
}
