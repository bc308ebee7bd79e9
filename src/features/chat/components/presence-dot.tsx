import { cn } from '@/lib/cn.ts'
import type { PresenceKind } from '../model/member-presence.ts'

/** The presence colours, as the member list draws them. */
export const PRESENCE_DOT: Record<PresenceKind, string> = {
  online: 'bg-ok',
  away: 'bg-warn',
  offline: 'bg-muted',
  unknown: 'border border-unknown bg-transparent',
}

/** A person's presence as a dot, with its word for screen readers (`label`). */
export function PresenceDot({ presence, label }: { presence: PresenceKind; label: string }) {
  return (
    <span
      role="img"
      aria-label={label}
      data-presence={presence}
      className={cn('inline-block h-2.5 w-2.5 shrink-0 rounded-full', PRESENCE_DOT[presence])}
    />
  )
}
