import { memo } from 'react'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { formatDateTime, formatRelative } from '@/lib/time/format-time.ts'
import { useNow } from '@/lib/time/now-store.ts'

/**
 * The heartbeat's age, ticking: the only part of a row that re-renders every second, so the shared tick costs
 * one text node per visible row and nothing per node off screen.
 */
export const HeartbeatAge = memo(function HeartbeatAge({
  lastHeartbeat,
  neverLabel,
}: {
  lastHeartbeat: number | null
  neverLabel: string
}) {
  const now = useNow()
  const lang = useLang()
  if (lastHeartbeat === null) return <span className="text-muted">{neverLabel}</span>
  return (
    <time dateTime={new Date(lastHeartbeat).toISOString()} title={formatDateTime(lastHeartbeat, lang)}>
      {formatRelative(lastHeartbeat, Math.max(now, lastHeartbeat), lang)}
    </time>
  )
})
