import type { RegistryHealth } from '@/entities/node/model/schemas.ts'
import { cn } from '@/lib/cn.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDuration } from '@/lib/time/format-time.ts'
import { Skeleton } from '@/ui/skeleton.tsx'
import { overviewMessages } from '../overview-messages.ts'

/**
 * The registry's own word on itself (`/health`): status, version, uptime. Its node counts trust the reported
 * status, which never turns offline, so when they differ from what the heartbeats say, the card says so.
 */
export function RegistryHealthCard({
  health,
  pending,
  failed,
  derivedOnline,
}: {
  health: RegistryHealth | undefined
  pending: boolean
  /**
   * What failed, if anything: the last read of `/health`, or the registry's fleet poll since. Either way what
   * the card holds is an earlier answer, so its "healthy" is not shown.
   */
  failed: 'health' | 'registry' | null
  /** Online by heartbeats; null while unknown or not current (then no comparison is made). */
  derivedOnline: number | null
}) {
  const t = useT(overviewMessages)
  const lang = useLang()
  if (!health) {
    return (
      <section
        aria-label={t('healthTitle')}
        className="rounded-md border border-border bg-raised px-3 py-2 text-sm"
      >
        <h2 className="text-xs uppercase tracking-wide text-muted">{t('healthTitle')}</h2>
        {pending ? (
          <>
            <span className="sr-only">{t('healthLoading')}</span>
            <Skeleton className="mt-1 h-5 w-48" />
          </>
        ) : (
          <p className="text-warn">{t('healthUnavailable')}</p>
        )}
      </section>
    )
  }
  // A failed poll leaves the last answer in the cache: its "healthy" is not today's, so it is not shown.
  const healthy = !failed && health.status === 'healthy'
  const stats = health.network_stats
  const claimedOnline = stats?.online_nodes ?? null
  const disagrees =
    !failed && derivedOnline !== null && claimedOnline !== null && claimedOnline !== derivedOnline
  const facts = [
    health.version && t('healthVersion', { version: health.version }),
    health.uptime_seconds !== null &&
      t('healthUptime', { uptime: formatDuration(health.uptime_seconds * 1000, lang) }),
    health.database?.connected != null &&
      t('healthDb', { state: health.database.connected ? t('dbConnected') : t('dbDisconnected') }),
  ].filter((x): x is string => typeof x === 'string')
  return (
    <section
      aria-label={t('healthTitle')}
      className="max-w-xl rounded-md border border-border bg-raised px-3 py-2 text-sm"
    >
      <h2 className="text-xs uppercase tracking-wide text-muted">{t('healthTitle')}</h2>
      <p>
        <span className={cn('font-medium', healthy ? 'text-ok' : 'text-warn')}>
          {failed ? t('healthStatusUnknown') : t('healthStatus', { status: health.status })}
        </span>
        {!failed &&
          facts.map((f) => (
            <span key={f} className="text-muted">
              {' · '}
              {f}
            </span>
          ))}
      </p>
      {failed && (
        <p className="text-warn">
          {failed === 'health' ? t('healthUnavailable') : t('healthRegistryUnreachable')}
        </p>
      )}
      {disagrees && stats && (
        <p className="mt-1 text-warn">
          {t('healthDisagrees', {
            online: claimedOnline,
            total: stats.total_nodes ?? '?',
            derived: derivedOnline,
          })}
        </p>
      )}
    </section>
  )
}
