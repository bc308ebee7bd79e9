import { useId } from 'react'
import { cn } from '@/lib/cn.ts'

/** Adds `v` to the list, or takes it out when it is there. */
export function toggled<T>(list: readonly T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v]
}

/** A labelled row of on/off chips (`aria-pressed`), for filters that allow several values at once. */
export function ToggleGroup<T extends string>({
  label,
  options,
  selected,
  labelOf,
  onToggle,
}: {
  label: string
  options: readonly T[]
  selected: readonly T[]
  labelOf: (v: T) => string
  onToggle: (v: T) => void
}) {
  const id = useId()
  return (
    <div role="group" aria-labelledby={id} className="flex flex-wrap items-center gap-1">
      <span id={id} className="mr-1 text-xs font-medium uppercase tracking-wide text-muted">
        {label}
      </span>
      {options.map((v) => {
        const on = selected.includes(v)
        return (
          <button
            key={v}
            type="button"
            aria-pressed={on}
            onClick={() => onToggle(v)}
            className={cn(
              'rounded-full border px-2.5 py-0.5 text-xs font-medium',
              on
                ? 'border-accent bg-accent text-accent-fg'
                : 'border-border bg-raised text-fg hover:bg-sunken',
            )}
          >
            {labelOf(v)}
          </button>
        )
      })}
    </div>
  )
}
