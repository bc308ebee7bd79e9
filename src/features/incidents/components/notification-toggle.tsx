import { useId } from 'react'
import { useT } from '@/lib/i18n/use-t.ts'
import { useNotificationOptIn } from '@/lib/notify/notification-opt-in.ts'
import { incidentsMessages } from '../incidents-messages.ts'

/** The opt-in to browser notifications of new incidents (asks the browser's permission when switched on). */
export function NotificationToggle() {
  const t = useT(incidentsMessages)
  const id = useId()
  const enabled = useNotificationOptIn((s) => s.enabled)
  const permission = useNotificationOptIn((s) => s.permission)
  const enable = useNotificationOptIn((s) => s.enable)
  const disable = useNotificationOptIn((s) => s.disable)
  if (permission === 'unsupported') return null
  return (
    <div className="flex flex-col items-end gap-1 text-sm">
      <label htmlFor={id} className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={enabled}
          onChange={(e) => {
            if (e.target.checked) void enable()
            else disable()
          }}
        />
        {t('notifyToggle')}
      </label>
      {permission === 'denied' && (
        <p role="status" className="max-w-xs text-right text-muted">
          {t('notifyDenied')}
        </p>
      )}
    </div>
  )
}
