import type { ReactNode } from 'react'

/** A card with a heading and a definition list of label/value rows; values are always rendered as text. */
export function Card({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-border bg-raised p-4">
      <h2 id={id} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  )
}

export function FieldList({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">{children}</dl>
}

export function Field({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className={mono ? 'm-0 min-w-0 break-all font-mono' : 'm-0 min-w-0 break-words'}>{children}</dd>
    </>
  )
}

/** A list of short strings as chips, or a muted "none" text. */
export function Chips({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <span className="text-muted">{empty}</span>
  return (
    <ul className="m-0 flex list-none flex-wrap gap-1 p-0">
      {items.map((s, i) => (
        // A chip longer than the card wraps inside it rather than running past its edge.
        <li
          key={`${s}-${i}`}
          className="max-w-full rounded bg-sunken px-1.5 py-0.5 font-mono text-xs [overflow-wrap:anywhere]"
        >
          {s}
        </li>
      ))}
    </ul>
  )
}
