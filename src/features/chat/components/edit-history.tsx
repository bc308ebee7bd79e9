import type { MatrixEvent } from 'matrix-js-sdk'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime } from '@/lib/time/format-time.ts'
import { relationMessages } from '../relation-messages.ts'
import { textOf } from '../model/relations.ts'

/** An edit's new text (`m.new_content`), or the original's body. */
const bodyOf = (e: MatrixEvent) => {
  const c = e.getOriginalContent()
  const replaced: unknown = c['m.new_content']
  return replaced && typeof replaced === 'object'
    ? textOf((replaced as { body?: unknown }).body)
    : textOf(c.body)
}

/** "(edited)", and the earlier versions on demand. */
export function EditHistory({ original, edits }: { original: MatrixEvent; edits: MatrixEvent[] }) {
  const t = useT(relationMessages)
  const lang = useLang()
  return (
    <details className="text-xs text-muted">
      <summary className="cursor-pointer">{t('edited')}</summary>
      <p className="sr-only">{t('editHistory')}</p>
      <ol className="mt-1 space-y-0.5 border-l border-border pl-2">
        {[original, ...edits].map((e) => (
          <li key={e.getId()}>
            <time dateTime={new Date(e.getTs()).toISOString()}>{formatDateTime(e.getTs(), lang, false)}</time>
            {': '}
            <bdi className="whitespace-pre-wrap break-words">{bodyOf(e)}</bdi>
          </li>
        ))}
      </ol>
    </details>
  )
}
