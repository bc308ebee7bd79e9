import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useNavigate } from 'react-router'
import { fleetPollMs, pollInterval, useFleet } from '@/entities/node/api/get-fleet.ts'
import { useHealth } from '@/entities/node/api/get-health.ts'
import { fleetReadAt } from '@/entities/node/api/use-registry-reach.ts'
import {
  applyFleetFilters,
  isFiltering,
  type FleetLivenessFilter,
} from '@/entities/node/model/fleet-filters.ts'
import { useConfig } from '@/lib/config/config-context.tsx'
import { useT } from '@/lib/i18n/use-t.ts'
import { Button } from '@/ui/button.tsx'
import { Skeleton } from '@/ui/skeleton.tsx'
import { FleetCounts } from './fleet-counts.tsx'
import { FleetLoadError, StaleFleetBanner } from './fleet-fault.tsx'
import { FleetList } from './fleet-list.tsx'
import { FleetToolbar } from './fleet-toolbar.tsx'
import { fleetCounts, type FleetRow } from '@/entities/node/model/fleet.ts'
import { overviewMessages } from '../overview-messages.ts'
import { RegistryHealthCard } from './registry-health.tsx'
import { useFleetFilterStore } from '@/entities/node/model/fleet-filter-store.ts'
import { useFleetFilters, useSelectedNode } from '@/entities/node/model/use-fleet-filters.ts'
import { useFleetRows } from '@/entities/node/model/use-fleet-rows.ts'

function ListSkeleton() {
  return (
    <div className="space-y-2 p-4" aria-hidden="true">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-11 w-full" />
      ))}
    </div>
  )
}

/**
 * The fleet at a glance: counts, the registry's own health, and every node with its liveness, beats and
 * heartbeat age. Filters, sort and the chosen node live in the URL. When the registry fails after a good
 * answer, the last good data stays on screen under a banner until a retry succeeds.
 */
export function FleetOverview() {
  const t = useT(overviewMessages)
  const navigate = useNavigate()
  const config = useConfig()
  const fleet = useFleet()
  const health = useHealth()
  // While the registry cannot be read, a node it would have shown beating is unknown, not offline.
  const readAt = fleetReadAt(fleet)
  const { rows, thresholds } = useFleetRows(fleet.data?.entries, readAt)
  const filters = useFleetFilters()
  const filtersCleared = useFleetFilterStore((s) => s.filtersCleared)
  const selectedKey = useSelectedNode()
  const select = useFleetFilterStore((s) => s.nodeSelected)

  // The list follows the search box in the same render, so the same frame: a keystroke filters only the
  // previous result, or finds its answer cached (applyFleetFilters). Deferring it would cost a second frame.
  const visible = useMemo(() => (rows ? applyFleetFilters(rows, filters) : null), [rows, filters])
  const tally = useMemo(() => (rows ? fleetCounts(rows) : null), [rows])
  const present = useMemo(() => new Set<FleetLivenessFilter>(rows?.map((r) => r.liveness) ?? []), [rows])

  const open = useCallback(
    (row: FleetRow) => {
      if (row.entry.kind !== 'ok') return
      void navigate(`/nodes/${encodeURIComponent(row.entry.node.node_id)}`)
    },
    [navigate],
  )
  const listRef = useRef<HTMLDivElement>(null)
  const enterList = useCallback(() => {
    listRef.current?.focus()
    const first = visible?.[0]
    if (first && (selectedKey === null || !visible.some((r) => r.key === selectedKey))) select(first.key)
  }, [visible, selectedKey, select])
  const { refetch: refetchFleet } = fleet
  const { refetch: refetchHealth } = health
  // "Retry now" asks the registry again for both, so the card recovers with the list.
  const retry = useCallback(() => {
    void refetchFleet()
    void refetchHealth()
  }, [refetchFleet, refetchHealth])
  // The card follows the fleet's poll: when the registry answers again, so is its health read at once
  // rather than at its next (slower) poll, and its counts are not those of before the outage.
  const fleetFailed = useRef(false)
  useEffect(() => {
    if (fleet.isError) fleetFailed.current = true
    else if (fleetFailed.current && fleet.isSuccess) {
      fleetFailed.current = false
      void refetchHealth()
    }
  }, [fleet.isError, fleet.isSuccess, refetchHealth])

  // The query polls again `pollInterval` after a failure (it backs off while the registry keeps failing).
  const retryAt = fleet.isError ? fleet.errorUpdatedAt + pollInterval(fleet, fleetPollMs(config)) : null

  const summary =
    visible && tally && visible.length !== tally.total
      ? t('shown', { shown: visible.length, total: tally.total })
      : undefined

  return (
    // data-applied-query: the query the list currently shows.
    <div className="flex h-full min-h-0 flex-col" data-applied-query={filters.q}>
      <div className="flex flex-col gap-3 px-4 pt-4 pb-3">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <div className="flex flex-wrap items-start gap-4">
          <FleetCounts tally={tally} />
          <RegistryHealthCard
            health={health.data}
            pending={health.isPending}
            failed={health.isError ? 'health' : fleet.isError ? 'registry' : null}
            // Compared only while the fleet is current: stale data disagrees with anything.
            derivedOnline={fleet.isError ? null : (tally?.online ?? null)}
          />
        </div>
        {fleet.isError && fleet.data && (
          <StaleFleetBanner
            staleSince={fleet.data.fetchedAt}
            retryAt={retryAt}
            error={fleet.error}
            onRetry={retry}
          />
        )}
      </div>
      <FleetToolbar livenessPresent={present} summary={summary} onSearchArrowDown={enterList} />
      {fleet.isError && !fleet.data ? (
        <FleetLoadError error={fleet.error} onRetry={retry} />
      ) : !visible || !rows ? (
        <>
          <p className="sr-only" role="status">
            {t('loading')}
          </p>
          <ListSkeleton />
        </>
      ) : rows.length === 0 ? (
        <div className="p-8 text-center">
          <p className="font-medium">{t('noNodes')}</p>
          <p className="mt-1 text-sm text-muted">{t('noNodesHint')}</p>
        </div>
      ) : visible.length === 0 && isFiltering(filters) ? (
        <div className="p-8 text-center">
          <p className="font-medium">{t('noMatch')}</p>
          <Button className="mt-3" onClick={filtersCleared}>
            {t('clearFilters')}
          </Button>
        </div>
      ) : (
        <FleetList
          listRef={listRef}
          rows={visible}
          selectedKey={selectedKey}
          gapMs={thresholds.onlineMs}
          onSelect={select}
          onOpen={open}
        />
      )}
    </div>
  )
}
