import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime } from '@/lib/time/format-time.ts'
import { useObservedHistoryView } from '../model/observed-history-context.tsx'
import { nodeMessages } from './node-messages.ts'

/** Where the observed history outlives a reload, its limits: since when, how long, and only in this browser. */
export function KeptHistoryNote({ className }: { className?: string }) {
  const t = useT(nodeMessages)
  const lang = useLang()
  const view = useObservedHistoryView()
  const keptFor = view.keptForMs()
  const since = view.observedSince()
  if (keptFor === null || since === null) return null
  return (
    <p className={className ?? 'text-xs text-muted'}>
      {t('keptInBrowser', {
        since: formatDateTime(since, lang, false),
        days: Math.round(keptFor / 86_400_000),
      })}
    </p>
  )
}
