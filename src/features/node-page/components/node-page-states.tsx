import { Link } from 'react-router'
import { useT } from '@/lib/i18n/use-t.ts'
import { Skeleton } from '@/ui/skeleton.tsx'
import { nodePageMessages } from '../node-page-messages.ts'

/** The page's shape while the node loads. */
export function NodePageSkeleton({ label }: { label: string }) {
  return (
    <div className="mx-auto max-w-7xl space-y-4 p-4" aria-busy="true">
      <p className="sr-only" role="status">
        {label}
      </p>
      <Skeleton className="h-8 w-72" />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <Skeleton className="h-48" />
        <Skeleton className="h-48" />
        <Skeleton className="h-48" />
      </div>
      <Skeleton className="h-24" />
      <Skeleton className="h-72" />
    </div>
  )
}

export function NodeNotFound({ nodeId }: { nodeId: string }) {
  const t = useT(nodePageMessages)
  return (
    <div className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-2 break-words text-muted">{t('notFoundHint', { id: nodeId })}</p>
      <Link to="/" className="mt-4 inline-block text-accent underline">
        {t('back')}
      </Link>
    </div>
  )
}

function rawText(raw: unknown): string {
  try {
    // JSON.stringify returns undefined for undefined and functions, whatever its type says.
    const text = JSON.stringify(raw, null, 2) as string | undefined
    return (text ?? String(raw)).slice(0, 4000)
  } catch {
    return String(raw).slice(0, 4000)
  }
}

/** A record the registry sent but the page cannot read: shown as such, as text, never as markup. */
export function NodeInvalid({ nodeId, raw, error }: { nodeId: string; raw: unknown; error: string }) {
  const t = useT(nodePageMessages)
  return (
    <div className="mx-auto max-w-3xl space-y-3 p-4">
      <h1 className="text-xl font-semibold">{t('invalidTitle')}</h1>
      <p className="break-words text-muted">{t('invalidHint', { id: nodeId, error })}</p>
      <pre className="max-h-96 overflow-auto rounded border border-border bg-sunken p-3 text-xs">
        {rawText(raw)}
      </pre>
      <Link to="/" className="inline-block text-accent underline">
        {t('back')}
      </Link>
    </div>
  )
}
