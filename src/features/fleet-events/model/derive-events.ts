import type { LivenessThresholds } from '@/entities/node/model/liveness.ts'
import {
  aliveSpansFromObserved,
  findOutages,
  type AliveSpan,
  type SeenBeat,
} from '@/entities/node/model/outages.ts'

/**
 * The instant events are derived as of: the latest liveness change after the last poll (`epoch`), except
 * while the registry cannot be read (`readAt` set): then nothing after the last good read is known, and no
 * node "goes stale" or "goes offline" for want of beats the console could not see.
 */
export function eventsAsOf(epoch: number, fetchedAt: number, readAt: number | null): number {
  const asOf = Math.max(fetchedAt, epoch)
  return readAt === null ? asOf : Math.min(asOf, Math.max(readAt, fetchedAt))
}

export const EVENT_KINDS = ['stale', 'offline', 'recovered', 'registered', 'orphan'] as const
export type FleetEventKind = (typeof EVENT_KINDS)[number]

/** Where an event's facts came from, shown beside it: the history route, this page's observations, or the list. */
export type EventSource = 'history' | 'observed' | 'fleet'

export interface FleetEvent {
  /** Stable across recomputations: node, kind and instant. */
  key: string
  kind: FleetEventKind
  nodeId: string
  nodeName: string
  at: number
  /**
   * stale, offline: how long the node stayed in that state (to the next change, or to `now` while ongoing);
   * recovered: the whole outage, from the last sign of life to the beat that ended it; otherwise null.
   */
  durationMs: number | null
  ongoing: boolean
  source: EventSource
}

/** What the timeline knows of one node. */
export interface NodeEventInput {
  nodeId: string
  name: string
  registeredAt: number | null
  /** From the fleet list: the latest sign of life, whatever else is known. */
  lastHeartbeat: number | null
  /** Set when this id is a silent duplicate of a host another id speaks for; `since` when it became one. */
  orphan: { of: string | null; since: number | null } | null
  /** Alive spans from the history route (raw beats or buckets), or null when none were fetched. */
  history: { spans: readonly AliveSpan[]; from: number } | null
  /** Beats this page observed since it opened, oldest first, with how long each was seen as the latest. */
  observed: readonly SeenBeat[]
}

export interface DeriveEventsOptions {
  now: number
  thresholds: LivenessThresholds
  /** Events before this instant are left out (the timeline covers a bounded window, e.g. 24 h). */
  windowStart: number
}

const KIND_RANK: Record<FleetEventKind, number> = {
  recovered: 0,
  offline: 1,
  stale: 2,
  orphan: 3,
  registered: 4,
}

/**
 * The fleet's events, newest first: a node went stale, went offline, came back (with the outage's duration),
 * registered, or became an orphan. Derived the way liveness is (the registry never marks a node down): an
 * outage is a silence longer than the online threshold between two signs of life; it went stale at
 * `last sign + onlineMs` and offline at `last sign + offlineMs` if it lasted that long.
 *
 * Signs of life per node are the union of what is known: history spans (for the bounded set of nodes whose
 * history was fetched), the beats this page observed, and the list's `last_heartbeat`. A gap between observed
 * beats is a silence only where the page watched it (`aliveSpansFromObserved`): a tab that was hidden, or a
 * clock that jumped, invents no outage. Where there is no history, nothing is claimed about the time before
 * the first known sign of life. Pure; O(total spans).
 */
export function deriveFleetEvents(nodes: readonly NodeEventInput[], opts: DeriveEventsOptions): FleetEvent[] {
  const { now, thresholds, windowStart } = opts
  const out: FleetEvent[] = []
  const push = (e: Omit<FleetEvent, 'key'>) => {
    if (e.at < windowStart || e.at > now) return
    out.push({ ...e, key: `${e.nodeId}|${e.kind}|${e.at}` })
  }

  for (const n of nodes) {
    const base = { nodeId: n.nodeId, nodeName: n.name }
    if (n.registeredAt !== null) {
      push({
        ...base,
        kind: 'registered',
        at: n.registeredAt,
        durationMs: null,
        ongoing: false,
        source: 'fleet',
      })
    }
    if (n.orphan?.since != null) {
      push({
        ...base,
        kind: 'orphan',
        at: n.orphan.since,
        durationMs: null,
        ongoing: false,
        source: 'fleet',
      })
    }

    const spans: AliveSpan[] = n.history ? [...n.history.spans] : []
    spans.push(...aliveSpansFromObserved(n.observed, thresholds.onlineMs))
    if (n.lastHeartbeat !== null) spans.push({ start: n.lastHeartbeat, end: n.lastHeartbeat })
    if (spans.length === 0) continue
    spans.sort((a, b) => a.start - b.start)
    const firstKnown = spans[0]?.start ?? now
    const from = n.history ? Math.min(n.history.from, firstKnown) : firstKnown
    const source: EventSource = n.history ? 'history' : 'observed'

    for (const o of findOutages(
      spans,
      { start: Math.max(from, windowStart - thresholds.offlineMs), end: now },
      thresholds.onlineMs,
    )) {
      // Nothing known before the silence: when it began is a guess, so no event claims it.
      if (o.openStart) continue
      const until = o.end ?? now
      const staleAt = o.start + thresholds.onlineMs
      const wentOffline = until - o.start > thresholds.offlineMs
      const offlineAt = o.start + thresholds.offlineMs
      push({
        ...base,
        kind: 'stale',
        at: staleAt,
        durationMs: (wentOffline ? offlineAt : until) - staleAt,
        ongoing: o.end === null && !wentOffline,
        source,
      })
      if (wentOffline) {
        push({
          ...base,
          kind: 'offline',
          at: offlineAt,
          durationMs: until - offlineAt,
          ongoing: o.end === null,
          source,
        })
      }
      if (o.end !== null) {
        push({ ...base, kind: 'recovered', at: o.end, durationMs: o.durationMs, ongoing: false, source })
      }
    }
  }

  return out.sort(
    (a, b) =>
      b.at - a.at ||
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0),
  )
}

export interface EventFilters {
  /** Matches node ids and names, case-insensitively; empty: every node. */
  node: string
  /** Empty: every kind. */
  kinds: FleetEventKind[]
}

export function filterEvents(events: readonly FleetEvent[], f: EventFilters): FleetEvent[] {
  const q = f.node.trim().toLowerCase()
  const kinds = f.kinds.length > 0 ? new Set(f.kinds) : null
  return events.filter(
    (e) =>
      (!kinds || kinds.has(e.kind)) &&
      (q === '' || e.nodeId.toLowerCase().includes(q) || e.nodeName.toLowerCase().includes(q)),
  )
}

export function parseEventFilters(params: URLSearchParams): EventFilters {
  const kinds = new Set(
    params
      .getAll('kind')
      .flatMap((v) => v.split(','))
      .map((v) => v.trim()),
  )
  return {
    node: (params.get('node') ?? '').slice(0, 200),
    kinds: EVENT_KINDS.filter((k) => kinds.has(k)),
  }
}

export function writeEventFilters(params: URLSearchParams, f: EventFilters): URLSearchParams {
  const out = new URLSearchParams(params)
  out.delete('node')
  out.delete('kind')
  if (f.node.trim() !== '') out.set('node', f.node)
  const kinds = EVENT_KINDS.filter((k) => f.kinds.includes(k))
  if (kinds.length > 0) out.set('kind', kinds.join(','))
  return out
}

/**
 * The few nodes whose history the timeline fetches (one bucketed request each): those the node filter names,
 * then those not online now or seen silent by this page (their stories are the ones asked about), then the
 * rest by id, at most `limit`. Every other node's events come from what the page observed and the list.
 */
export function selectHistoryNodes(
  nodes: readonly { nodeId: string; name: string; online: boolean; observedGap: boolean }[],
  nodeFilter: string,
  limit: number,
): string[] {
  const q = nodeFilter.trim().toLowerCase()
  const rank = (n: (typeof nodes)[number]) => {
    if (q !== '' && (n.nodeId.toLowerCase().includes(q) || n.name.toLowerCase().includes(q))) return 0
    if (q !== '') return 3
    return !n.online || n.observedGap ? 1 : 2
  }
  return nodes
    .map((n) => ({ id: n.nodeId, r: rank(n) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit)
    .map((x) => x.id)
}
