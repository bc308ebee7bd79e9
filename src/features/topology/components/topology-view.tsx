import { useT } from '@/lib/i18n/use-t.ts'
import { Banner } from '@/ui/banner.tsx'
import { Skeleton } from '@/ui/skeleton.tsx'
import { isDense } from '../model/layout.ts'
import { useTopologyData } from '../model/use-topology-data.ts'
import { TopologyCanvas } from './topology-canvas.tsx'
import { topologyMessages } from './topology-messages.ts'

/**
 * The fleet as a map: the registry at the top, hubs under it, nodes grouped by role, every heartbeat and
 * service link. It reads the same URL filters as the overview (the app places the overview's toolbar above).
 */
export function TopologyView() {
  const t = useT(topologyMessages)
  const { fleet, thresholds, result } = useTopologyData()

  if (fleet.isError && !fleet.data) {
    return (
      <div className="p-4">
        <Banner tone="bad">{t('fetchError', { error: fleet.error.message })}</Banner>
      </div>
    )
  }
  if (!result) {
    return (
      <div className="p-4">
        <p role="status" className="sr-only">
          {t('loading')}
        </p>
        <Skeleton className="h-96 w-full" />
      </div>
    )
  }
  const visible = result.nodes.length
  const broken = result.topology.edges.reduce(
    (n, e) => n + (e.kind === 'heartbeat' && e.state === 'broken' ? 1 : 0),
    0,
  )
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <h1 className="sr-only">{t('title')}</h1>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-border px-4 py-2 text-sm">
        <span role="status" className="tabular-nums">
          {t('shown', { visible, total: result.total })}
        </span>
        <span className={broken > 0 ? 'font-medium text-bad' : 'text-muted'}>
          {t('brokenLinks', { count: broken })}
        </span>
        {isDense(visible) && (
          <span
            data-testid="dense-mode"
            className="rounded-full border border-info px-2 py-0.5 text-xs text-info"
          >
            {t('dense', { count: visible })}
          </span>
        )}
        {result.invalid > 0 && (
          <span className="text-muted">{t('invalidSkipped', { count: result.invalid })}</span>
        )}
        <Legend />
      </div>
      {visible === 0 ? (
        <p className="p-8 text-center font-medium">{t('noNodes')}</p>
      ) : (
        <TopologyCanvas nodes={result.nodes} topology={result.topology} gapMs={thresholds.onlineMs} />
      )}
    </div>
  )
}

function Legend() {
  const t = useT(topologyMessages)
  return (
    <span aria-hidden="true" className="ml-auto flex items-center gap-3 text-xs text-muted">
      <svg width="24" height="6">
        <line x1="0" y1="3" x2="24" y2="3" className="stroke-ok" strokeWidth="2" />
      </svg>
      {t('legendHeartbeat')}
      <svg width="24" height="6">
        <line x1="0" y1="3" x2="24" y2="3" className="stroke-bad" strokeWidth="2" strokeDasharray="5 4" />
      </svg>
      {t('legendBroken')}
      <svg width="24" height="6">
        <line x1="0" y1="3" x2="24" y2="3" className="stroke-info" strokeWidth="2" />
      </svg>
      {t('legendService')}
    </span>
  )
}
