import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useFleet } from '@/entities/node/api/get-fleet.ts'
import {
  heartbeatBucketsQueryOptions,
  type BucketHistory,
} from '@/entities/node/api/get-heartbeat-buckets.ts'
import { useRegistry } from '@/entities/node/api/use-registry.ts'
import { fleetReadAt } from '@/entities/node/api/use-registry-reach.ts'
import { livenessOf } from '@/entities/node/model/liveness.ts'
import { useFleetRows } from '@/entities/node/model/use-fleet-rows.ts'
import { useObservedHistoryView } from '@/entities/node/model/observed-history-context.tsx'
import { aliveSpansFromBuckets, type AliveSpan } from '@/entities/node/model/outages.ts'
import {
  deriveFleetEvents,
  eventsAsOf,
  selectHistoryNodes,
  type FleetEvent,
  type NodeEventInput,
} from './derive-events.ts'

/** The window the timeline covers. */
export const TIMELINE_WINDOW_MS = 24 * 3_600_000
/** History is fetched for at most this many nodes: one bucketed request each, never one per fleet node. */
export const HISTORY_NODE_LIMIT = 12
/** One-minute buckets over 24 h: at most 1,440 rows a node, enough to place a silence to the minute. */
const BUCKET_SECONDS = 60
const REFRESH_MS = 60_000

/** The bucket histories' parts the events read; `useQueries` shares the array while none of them changes. */
const historyStates = (results: readonly UseQueryResult<BucketHistory | null>[]) =>
  results.map((r) => ({ data: r.data, isError: r.isError, isPending: r.isPending }))

function clipBefore(spans: AliveSpan[], until: number | undefined): AliveSpan[] {
  if (until === undefined) return spans
  return spans
    .filter((s) => s.start < until)
    .map((s) => (s.end <= until ? s : { start: s.start, end: until }))
}

export type HistoryState = 'complete' | 'partial' | 'missing' | 'failed' | 'loading'

/**
 * The fleet's events for the last 24 h, recomputed when a poll brings news (not on every tick).
 *
 * Sources, cheapest first: the fleet list (registrations, the current silence of every node, orphans), the
 * beats this page observed since it opened (the silences it watched, and the returns that ended them), and
 * the history route, bucketed per minute, for a bounded set of nodes (`selectHistoryNodes`: the filtered
 * node, then the troubled ones). Where the route answers 404, `history` is `missing` and the screen says so.
 */
export function useFleetEvents(nodeFilter: string) {
  const fleet = useFleet()
  const registry = useRegistry()
  const observed = useObservedHistoryView()
  const entries = fleet.data?.entries
  const fetchedAt = fleet.data?.fetchedAt ?? 0
  const readAt = fleetReadAt(fleet)
  // Events are derived as of the last liveness change: a node that falls silent between two polls gets its
  // "went stale" the moment it crosses the threshold, and a quiet second costs nothing. (The rows' liveness
  // cannot change between that change and now.)
  const { rows, thresholds, epoch } = useFleetRows(entries, readAt)
  const asOf = eventsAsOf(epoch, fetchedAt, readAt)
  // One window per minute: the history queries keep their keys for a minute, then move on.
  const until = Math.ceil(fetchedAt / REFRESH_MS) * REFRESH_MS
  const range = useMemo(
    () => ({ since: until - TIMELINE_WINDOW_MS, until, bucketSeconds: BUCKET_SECONDS }),
    [until],
  )

  const historyIds = useMemo(() => {
    if (!entries) return []
    const candidates = entries.flatMap((e) =>
      e.kind === 'ok'
        ? [
            {
              nodeId: e.node.node_id,
              name: e.node.node_name ?? e.node.node_id,
              online: livenessOf(e.node.last_heartbeat, fetchedAt, thresholds) === 'online',
              observedGap: observed.hasWatchedSilence(e.node.node_id, thresholds.onlineMs),
            },
          ]
        : [],
    )
    return selectHistoryNodes(candidates, nodeFilter, HISTORY_NODE_LIMIT)
  }, [entries, observed, fetchedAt, thresholds, nodeFilter])

  const histories = useQueries({
    queries: historyIds.map((id) => ({
      ...heartbeatBucketsQueryOptions(registry, id, range, REFRESH_MS),
      enabled: until > 0,
      retry: false,
    })),
    combine: historyStates,
  })

  const result = useMemo(() => {
    if (!rows) return null
    const byId = new Map(historyIds.map((id, i) => [id, histories[i]]))
    let missing = false
    let failed = false
    let loading = false
    const inputs: NodeEventInput[] = []
    const registeredAt = new Map<string, number | null>()
    for (const r of rows) if (r.entry.kind === 'ok') registeredAt.set(r.key, r.entry.node.registered_at)
    const orphanOf = new Map<string, string>()
    for (const r of rows) {
      const e = r.entry
      if (e.kind !== 'ok') continue
      const n = e.node
      // An orphan appears once its old id is no longer online while the new one is: the later of the new
      // registration and the old id's going stale.
      const orphanSince = r.orphan
        ? Math.max(
            (n.last_heartbeat ?? -Infinity) + thresholds.onlineMs,
            registeredAt.get(r.orphan.aliveNodeId) ?? -Infinity,
          )
        : null
      if (r.orphan) orphanOf.set(n.node_id, r.orphan.aliveNodeId)
      const h = byId.get(n.node_id)
      if (h?.data === null) missing = true
      if (h?.isError) failed = true
      if (h?.isPending) loading = true
      // Only a node the page watched fall silent needs its observed beats: otherwise they hold no outage, and
      // the last heartbeat says it all. (Asked first, so the other nodes' beats are never materialized.)
      const watched = observed.hasWatchedSilence(n.node_id, thresholds.onlineMs)
      const beats = watched ? observed.getHeartbeats(n.node_id) : []
      inputs.push({
        nodeId: n.node_id,
        name: n.node_name ?? n.node_id,
        registeredAt: n.registered_at,
        lastHeartbeat: n.last_heartbeat,
        orphan: r.orphan
          ? { of: r.orphan.aliveNodeId, since: Number.isFinite(orphanSince) ? orphanSince : null }
          : null,
        history: h?.data
          ? {
              // Minute buckets blur a silence's edges; a silence the page watched is exact, so once it has
              // one, the buckets only tell what came before the first observed beat.
              spans: clipBefore(
                aliveSpansFromBuckets(h.data.buckets, h.data.bucketSeconds * 1000, {
                  now: asOf,
                  lastBeat: n.last_heartbeat,
                }),
                beats[0]?.ts,
              ),
              from: range.since,
            }
          : null,
        observed: beats,
      })
    }
    const events: FleetEvent[] = deriveFleetEvents(inputs, {
      now: asOf,
      thresholds,
      windowStart: asOf - TIMELINE_WINDOW_MS,
    })
    const history: HistoryState = missing
      ? 'missing'
      : failed
        ? 'failed'
        : loading
          ? 'loading'
          : historyIds.length >= inputs.length
            ? 'complete'
            : 'partial'
    return { events, history, historyCount: historyIds.length, orphanOf }
  }, [rows, observed, histories, historyIds, asOf, thresholds, range.since])

  return { fleet, result, readAt, observedSince: observed.observedSince() }
}
