import type { ReactNode } from 'react'

/**
 * A failure as a person reads it: the sentence (`children`) first, and the technical detail (the URL, the
 * status, the server's words) behind a disclosure, for whoever has to fix it.
 */
export function ErrorDetails({
  children,
  detail,
  summary,
}: {
  children: ReactNode
  /** The technical text: an error's message (never rendered as markup). */
  detail: string | null | undefined
  /** The disclosure's label ("Technical details"). */
  summary: string
}) {
  return (
    <span className="inline-flex flex-col gap-1">
      <span>{children}</span>
      {detail ? (
        <details className="text-xs text-muted">
          <summary className="cursor-pointer select-none">{summary}</summary>
          <code className="mt-1 block break-all whitespace-pre-wrap">{detail}</code>
        </details>
      ) : null}
    </span>
  )
}
