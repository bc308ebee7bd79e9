import type { ComponentPropsWithRef } from 'react'
import { cn } from '@/lib/cn.ts'

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger'

const variants: Record<Variant, string> = {
  primary: 'bg-accent text-accent-fg hover:opacity-90',
  secondary: 'border border-border bg-raised text-fg hover:bg-sunken',
  ghost: 'text-fg hover:bg-sunken',
  danger: 'border border-bad text-bad hover:bg-sunken',
}

export function Button({
  variant = 'secondary',
  className,
  type = 'button',
  ...rest
}: ComponentPropsWithRef<'button'> & { variant?: Variant }) {
  return (
    <button
      type={type}
      className={cn(
        'inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50',
        variants[variant],
        className,
      )}
      {...rest}
    />
  )
}
