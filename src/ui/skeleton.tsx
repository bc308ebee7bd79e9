import { cn } from '@/lib/cn.ts'

/** A grey placeholder shaped like the content that is loading; hidden from assistive tech. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded bg-sunken', className)} />
}
