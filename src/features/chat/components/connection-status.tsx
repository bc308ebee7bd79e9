import { useMatrixContext } from '@/lib/matrix/matrix-client-provider.tsx'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { localeOf } from '@/lib/time/format-time.ts'
import { cn } from '@/lib/cn.ts'
import { chatMessages } from '../chat-messages.ts'

/** The link to the homeserver, always visible: connecting, live, reconnecting (next try), error + retry. */
export function ConnectionStatus() {
  const t = useT(chatMessages)
  const lang = useLang()
  const { connection, client } = useMatrixContext()
  const time = (ts: number) => new Date(ts).toLocaleTimeString(localeOf(lang), { timeStyle: 'medium' })

  let text: string
  let tone: string
  switch (connection.kind) {
    case 'live':
      text = t('live')
      tone = 'bg-ok'
      break
    case 'connecting':
      text = t('connecting')
      tone = 'bg-unknown'
      break
    case 'reconnecting':
      text = connection.nextRetryAt
        ? t('reconnecting', { time: time(connection.nextRetryAt) })
        : t('reconnectingSoon')
      tone = 'bg-warn'
      break
    case 'error': {
      const message = connection.message ? ` (${connection.message})` : ''
      text = connection.nextRetryAt
        ? t('connError', { message, time: time(connection.nextRetryAt) })
        : t('connErrorNoTime', { message })
      tone = 'bg-bad'
      break
    }
    case 'stopped':
      text = t('stopped')
      tone = 'bg-unknown'
  }
  const canRetry = connection.kind === 'error' || connection.kind === 'reconnecting'
  return (
    <div
      role="status"
      aria-live="polite"
      className="flex items-start gap-2 text-xs text-muted"
      data-connection={connection.kind}
    >
      <span aria-hidden="true" className={cn('mt-1 h-2 w-2 shrink-0 rounded-full', tone)} />
      {/* Wraps rather than truncates: the next-try time is the useful part of a long error. */}
      <span className="min-w-0 break-words">{text}</span>
      {canRetry && client && (
        <button
          type="button"
          className="rounded px-1.5 py-0.5 font-medium text-accent underline-offset-2 hover:underline"
          onClick={() => client.retryImmediately()}
        >
          {t('retryNow')}
        </button>
      )}
    </div>
  )
}
