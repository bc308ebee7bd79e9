import { ZodError } from 'zod'
import { HttpError } from '@/lib/http/fetch-json.ts'
import { useLang, type Lang } from '@/lib/i18n/i18n-store.ts'
import { dateTimeFormat } from '@/lib/time/format-time.ts'
import { useT, type Translate } from '@/lib/i18n/use-t.ts'
import { useNow } from '@/lib/time/now-store.ts'
import { Banner } from '@/ui/banner.tsx'
import { Button } from '@/ui/button.tsx'
import { overviewMessages } from '../overview-messages.ts'

type OverviewKey = keyof (typeof overviewMessages)['en']

/** The failure in an operator's words: unreachable, an HTTP status, a timeout, or an answer we cannot read. */
export function describeFleetError(error: unknown, t: Translate<OverviewKey>): string {
  if (error instanceof HttpError) {
    switch (error.kind) {
      case 'network':
        return t('errorNetwork')
      case 'timeout':
        return t('errorTimeout')
      case 'parse':
        return t('errorParse')
      case 'http':
        return t('errorHttp', { status: error.status ?? '?' })
    }
  }
  if (error instanceof ZodError || error instanceof SyntaxError) return t('errorParse')
  return t('errorOther')
}

/** HH:MM:SS in the user's language: the banner speaks of today. */
const formatClock = (ts: number, lang: Lang) => dateTimeFormat(lang, { timeStyle: 'medium' }).format(ts)

function RetryCountdown({ staleSince, retryAt }: { staleSince: number; retryAt: number | null }) {
  const t = useT(overviewMessages)
  const lang = useLang()
  const now = useNow()
  const time = formatClock(staleSince, lang)
  const seconds = retryAt === null ? 0 : Math.ceil((retryAt - now) / 1000)
  return <>{seconds > 0 ? t('staleSince', { time, seconds }) : t('staleSinceNow', { time })}</>
}

/**
 * A refetch failed while the page has data: the data stays, under this banner, until a retry succeeds (the
 * query backs off and retries by itself; "retry now" skips the wait).
 */
export function StaleFleetBanner({
  staleSince,
  retryAt,
  error,
  onRetry,
}: {
  staleSince: number
  retryAt: number | null
  error: unknown
  onRetry: () => void
}) {
  const t = useT(overviewMessages)
  return (
    <Banner
      tone="warn"
      action={
        <Button onClick={onRetry} className="py-1">
          {t('retryNow')}
        </Button>
      }
    >
      <strong className="font-semibold">
        <RetryCountdown staleSince={staleSince} retryAt={retryAt} />
      </strong>{' '}
      <span className="text-muted">({describeFleetError(error, t)})</span>
    </Banner>
  )
}

/** The first load failed: nothing to show yet, so the whole view says why, and retries. */
export function FleetLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT(overviewMessages)
  return (
    <div className="m-4">
      <Banner tone="bad" action={<Button onClick={onRetry}>{t('retryNow')}</Button>}>
        <strong className="font-semibold">{t('loadFailed')}</strong>: {describeFleetError(error, t)}
      </Banner>
    </div>
  )
}
