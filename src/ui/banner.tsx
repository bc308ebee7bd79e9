import type { ReactNode } from 'react'
import { cn } from '@/lib/cn.ts'

type Tone = 'info' | 'warn' | 'bad'
const tones: Record<Tone, string> = {
  info: 'border-info text-fg',
  warn: 'border-warn text-fg',
  bad: 'border-bad text-fg',
}

/** A page-level notice. `role="status"` for news, `role="alert"` for failures the user must see. */
export function Banner({
  tone = 'info',
  children,
  action,
  className,
}: {
  tone?: Tone
  children: ReactNode
  action?: ReactNode
  className?: string
}) {
  return (
    <div
      role={tone === 'bad' ? 'alert' : 'status'}
      className={cn(
        'flex flex-wrap items-center gap-3 rounded-md border-l-4 bg-raised px-4 py-2 text-sm shadow-sm',
        tones[tone],
        className,
      )}
    >
      <div className="min-w-0 flex-1">{children}</div>
      {action}
    </div>
  )
}
