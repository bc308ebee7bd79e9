import { splitControls } from '@/lib/text/reveal-controls.ts'
import { cn } from '@/lib/cn.ts'

/**
 * Text from the registry, shown as it is: isolated from the text around it (`<bdi>`), so a right-to-left
 * name cannot reorder a sentence. Use it for every registry string (names, statuses, chips).
 */
export function RegistryText({ value, className }: { value: string; className?: string }) {
  return <bdi className={className}>{value}</bdi>
}

/**
 * An identifier (node id, host name) shown so that the id a person reads is the id: isolated, and with
 * every invisible or bidi control character written out as `⟨U+202E⟩`, marked and named for screen readers.
 */
export function VisibleId({ value, className }: { value: string; className?: string }) {
  const parts = splitControls(value)
  return (
    <bdi className={cn('break-all', className)} data-visible-id="">
      {parts.map((p, i) =>
        p.kind === 'text' ? (
          p.text
        ) : (
          <span
            // The parts never reorder: the index is their identity.
            key={i}
            className="rounded-sm bg-warn/15 px-px font-mono text-[0.85em] text-warn"
            title={p.label}
          >
            {p.label}
          </span>
        ),
      )}
    </bdi>
  )
}
