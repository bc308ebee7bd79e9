import { useId, type ComponentPropsWithRef } from 'react'
import { cn } from '@/lib/cn.ts'

/**
 * A labelled search box as the filter bars use it: no autocomplete and no spell check (it takes ids and host
 * names). `labelClassName` places the label (`sr-only` where the placeholder says enough on screen).
 */
export function SearchField({
  label,
  labelClassName,
  className,
  ...input
}: Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'> & { label: string; labelClassName?: string }) {
  const id = useId()
  return (
    <>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        spellCheck={false}
        {...input}
        className={cn(
          'min-w-0 rounded-md border border-border bg-raised px-3 py-1.5 text-sm placeholder:text-muted',
          className,
        )}
      />
    </>
  )
}
