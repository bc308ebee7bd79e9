import { useId } from 'react'
import { cn } from '@/lib/cn.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import type { PresenceState } from '../model/presence-machine.ts'
import { presenceMessages } from '../presence-messages.ts'
import type { PresenceHeartbeat } from '../use-presence-heartbeat.ts'

const dot: Record<PresenceState, string> = {
  online: 'bg-ok',
  unavailable: 'bg-warn',
  offline: 'bg-unknown',
}

const label = { online: 'online', unavailable: 'away', offline: 'offline' } as const

/**
 * The user's own presence as the others see it, and the choice to appear away. Small enough for a chat
 * header (`headerExtra`).
 */
export function PresenceControl({
  presence,
  className,
  serverUnreachable = false,
  presenceUnavailable = false,
}: {
  presence: Pick<PresenceHeartbeat, 'effectiveState' | 'away' | 'unauthorized' | 'chooseAway' | 'chooseAuto'>
  className?: string
  /** The homeserver cannot be reached: what others see of me is unknown, whatever this tab last wrote. */
  serverUnreachable?: boolean
  /** The homeserver does not give presence: the choice below has no effect, and this says so. */
  presenceUnavailable?: boolean
}) {
  const t = useT(presenceMessages)
  const hintId = useId()
  const state = serverUnreachable || presenceUnavailable ? null : presence.effectiveState
  return (
    <div className={cn('flex items-center gap-3 text-sm', className)}>
      <p
        className="flex items-center gap-1.5"
        title={serverUnreachable ? t('unreachableHint') : presence.unauthorized ? t('notWritten') : undefined}
      >
        <span className="sr-only">{t('yourPresence')}: </span>
        <span
          aria-hidden="true"
          className={cn(
            'inline-block size-2.5 rounded-full',
            state ? dot[state] : 'border border-unknown bg-transparent',
          )}
        />
        <span data-testid="own-presence" data-state={state ?? 'unknown'} className="text-muted">
          {state
            ? t(label[state])
            : serverUnreachable || presenceUnavailable
              ? t('unknown')
              : t('connecting')}
        </span>
      </p>
      <label className="flex cursor-pointer items-center gap-1.5 text-muted">
        <input
          type="checkbox"
          className="accent-accent focus-visible:outline-2 focus-visible:outline-accent"
          checked={presence.away}
          disabled={presenceUnavailable}
          aria-describedby={hintId}
          onChange={(e) => {
            if (e.currentTarget.checked) presence.chooseAway()
            else presence.chooseAuto()
          }}
        />
        {t('appearAway')}
      </label>
      {/* Presence is off on the server: the reason is shown, not only announced. */}
      <span id={hintId} className={presenceUnavailable ? 'text-xs text-muted' : 'sr-only'}>
        {presenceUnavailable ? t('noEffect') : t('appearAwayHint')}
      </span>
    </div>
  )
}
