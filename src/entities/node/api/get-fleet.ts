import { queryOptions, useQuery, type Query, type QueryClient } from '@tanstack/react-query'
import { useConfig } from '@/lib/config/config-context.tsx'
import type { RuntimeConfig } from '@/lib/config/runtime-config.ts'
import { HttpError } from '@/lib/http/fetch-json.ts'
import { createSlicer, yieldToMain } from '@/lib/scheduling/yield-to-main.ts'
import { NodesPageSchema, type NodeEntry, type RegistryNode } from '../model/schemas.ts'
import { createFleetParser, type FleetParser } from './fleet-parser.ts'
import { nodeKeys } from './query-keys.ts'
import { streamAwarePollMs, useFleetStreamState } from './fleet-stream-state.ts'
import { entryKey } from './node-entry.ts'
import type { Registry } from './registry-http.ts'
import { useRegistry } from './use-registry.ts'

/** The whole fleet as one poll saw it. */
export interface FleetSnapshot {
  /** One entry per node id (the newest record wins), sorted by key, so an unchanged poll shares structure. */
  entries: NodeEntry[]
  /** When the poll finished (ms). */
  fetchedAt: number
  /** When the poll started (ms): its data is at least this fresh, whatever happened while it ran. */
  startedAt: number
  /** How many page requests it took. */
  requests: number
  /** false when paging stopped at the page cap before a short page: the fleet shown may be partial. */
  complete: boolean
  /** The entries this pass returned, when some in `entries` were carried over from the pass before. */
  seen?: readonly NodeEntry[]
}

export const FLEET_PAGE_SIZE = 1000
/** 100 pages of 1,000: far beyond any real fleet, and a stop for a server that never sends a short page. */
export const FLEET_MAX_PAGES = 100

function newer(a: NodeEntry, b: NodeEntry): boolean {
  if (a.kind !== 'ok' || b.kind !== 'ok') return a.kind === 'ok'
  return (a.node.last_heartbeat ?? -Infinity) > (b.node.last_heartbeat ?? -Infinity)
}

/**
 * Reads the whole fleet. The list route has no order and its `total` is the page length, so this pages until
 * a page is shorter than the limit and keeps one entry per node id (the one with the newest heartbeat).
 * A node the schema cannot read becomes one invalid entry; it never fails the page. Pass the query's `parser`
 * to read each pass with what the passes before it read (a fresh one reads everything anew).
 */
export async function getFleet(
  registry: Registry,
  signal?: AbortSignal,
  options: { pageSize?: number; maxPages?: number; parser?: FleetParser } = {},
): Promise<FleetSnapshot> {
  const pageSize = options.pageSize ?? FLEET_PAGE_SIZE
  const maxPages = options.maxPages ?? FLEET_MAX_PAGES
  const parser = options.parser ?? createFleetParser()
  const startedAt = Date.now()
  parser.passStarted()
  const slicer = createSlicer()
  const byKey = new Map<string, NodeEntry>()
  let requests = 0
  let complete = false
  for (let page = 0; page < maxPages; page++) {
    const body = await registry.get('/api/v1/nodes', { limit: pageSize, offset: page * pageSize }, signal)
    requests += 1
    const parsed = NodesPageSchema.safeParse(body)
    if (!parsed.success) throw new HttpError('parse', 'The registry sent a node list in an unexpected shape')
    const before = byKey.size
    for (const raw of parsed.data.nodes) {
      const entry = parser.entry(raw)
      const key = entryKey(entry)
      const seen = byKey.get(key)
      if (!seen || newer(entry, seen)) byKey.set(key, entry)
      // A page of 1,000 takes tens of ms to read: in slices, so a keystroke never waits for a whole page.
      const pause = slicer.maybeYield()
      if (pause) await pause
    }
    if (parsed.data.nodes.length < pageSize) {
      complete = true
      break
    }
    // A full page with nothing new: the server ignores `offset`. Paging on would only repeat it.
    if (byKey.size === before) {
      complete = true
      break
    }
  }
  const entries = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e)
  return { entries, fetchedAt: Date.now(), startedAt, requests, complete }
}

/**
 * Carries over the nodes a pass did not see. The list has no order and reorders as nodes beat, so a pass that
 * pages while the order changes can skip rows; the registry never deletes a node, so a node missing from one
 * pass is still there. Keeping it (with its last known record, so its liveness keeps ageing) stops the counts
 * from flickering at scale. Both inputs are sorted by key; so is the result.
 */
export function mergeWithPrevious(next: FleetSnapshot, previous: FleetSnapshot | undefined): FleetSnapshot {
  if (!previous || previous.entries.length === 0) return next
  const seen = new Set(next.entries.map(entryKey))
  const missing = previous.entries.filter((e) => !seen.has(entryKey(e)))
  if (missing.length === 0) return next
  const entries = [...next.entries, ...missing].sort((a, b) => {
    const ka = entryKey(a)
    const kb = entryKey(b)
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
  return { ...next, entries }
}

function sameIssues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/**
 * Whether two parses of one node say the same. A node is flat apart from its metadata, and the metadata
 * parse is cached by its JSON (node-entry.ts), so an unchanged one is the very same object.
 */
export function sameEntry(a: NodeEntry, b: NodeEntry): boolean {
  if (a.kind === 'ok' && b.kind === 'ok') {
    const x = a.node
    const y = b.node
    for (const k of Object.keys(x) as (keyof RegistryNode)[]) if (x[k] !== y[k]) return false
    return Object.keys(y).length === Object.keys(x).length && sameIssues(a.issues, b.issues)
  }
  if (a.kind === 'invalid' && b.kind === 'invalid')
    return a.key === b.key && a.error === b.error && JSON.stringify(a.raw) === JSON.stringify(b.raw)
  return false
}

/**
 * Keeps the previous poll's object for every node that did not change, and the previous array when none
 * did, so the caches keyed by entry (search keys, rows) and the memos keyed by the array hold across polls.
 * It replaces React Query's structural sharing for this query, which deep-compares every nested field of
 * every node on each poll; this costs one shallow compare a node. Both inputs are sorted by key.
 */
export function shareUnchanged(next: FleetSnapshot, previous: FleetSnapshot | undefined): FleetSnapshot {
  if (!previous) return next
  const before = new Map<string, NodeEntry>()
  for (const e of previous.entries) before.set(entryKey(e), e)
  let reused = 0
  const entries = next.entries.map((e) => {
    const old = before.get(entryKey(e))
    if (old && sameEntry(old, e)) {
      reused += 1
      return old
    }
    return e
  })
  const unchanged = reused === entries.length && entries.length === previous.entries.length
  return { ...next, entries: unchanged ? previous.entries : entries }
}

/**
 * Polling slows down while the registry fails, but never past this (nor past the poll period when that is
 * longer): a registry back after an outage is seen within about 15 s, not half a minute later.
 */
export const MAX_BACKOFF_MS = 15_000

/**
 * The next poll delay: the poll period while all is well; while failing, about as long as the registry has
 * been failing, capped at `MAX_BACKOFF_MS`. The first success brings the period back.
 */
export function pollInterval(
  state: Pick<Query['state'], 'status' | 'dataUpdatedAt' | 'errorUpdatedAt' | 'errorUpdateCount'>,
  intervalMs: number,
): number {
  const failing = state.status === 'error' && state.errorUpdatedAt >= state.dataUpdatedAt
  if (!failing) return intervalMs
  const failingFor =
    state.dataUpdatedAt > 0
      ? state.errorUpdatedAt - state.dataUpdatedAt
      : intervalMs * 2 ** (state.errorUpdateCount - 1)
  return Math.min(Math.max(intervalMs, MAX_BACKOFF_MS), Math.max(intervalMs * 2, failingFor))
}

// The parser belongs to its fleet query (keyed by the Query object): its tables live and go with the query.
const parsers = new WeakMap<Query, FleetParser>()

function parserOf(client: QueryClient, registry: Registry): FleetParser {
  const query = client.getQueryCache().find({ queryKey: nodeKeys.fleet(registry), exact: true })
  if (!query) return createFleetParser()
  let parser = parsers.get(query)
  if (!parser) {
    parser = createFleetParser()
    parsers.set(query, parser)
  }
  return parser
}

/**
 * The fleet query, polled every `intervalMs`. React Query restarts the interval after every settled fetch and
 * joins a tick to the fetch in flight, so polls never overlap; it does not poll while the tab is hidden.
 * The snapshot keeps what the pass itself returned (`seen`) for the observed history
 * (`observe-registry-queries.ts`).
 */
export function fleetQueryOptions(registry: Registry, intervalMs: number) {
  return queryOptions({
    queryKey: nodeKeys.fleet(registry),
    queryFn: async ({ signal, client }) => {
      const previous = client.getQueryData<FleetSnapshot>(nodeKeys.fleet(registry))
      const pass = await getFleet(registry, signal, { parser: parserOf(client, registry) })
      // Each step walks the whole fleet: one task each, with input and paint between them.
      await yieldToMain()
      const merged = mergeWithPrevious(pass, previous)
      const shared = shareUnchanged(merged, previous)
      return merged === pass ? shared : { ...shared, seen: pass.entries }
    },
    // shareUnchanged does it per node, for a fraction of the cost of a deep compare.
    structuralSharing: false,
    refetchInterval: (query) => pollInterval(query.state, intervalMs),
    refetchIntervalInBackground: false,
    staleTime: intervalMs / 2,
  })
}

/**
 * How often the fleet is polled while all is well. A beat is only seen at the next poll, so a node beating on
 * time shows an age of up to interval + poll period (+ jitter and latency); for such a node to stay online
 * (age <= interval + grace) the period must stay well under the grace; at the heartbeat interval itself a
 * healthy node would flicker "stale" in every cycle.
 */
export function fleetPollMs(c: Pick<RuntimeConfig, 'heartbeatIntervalSeconds' | 'graceSeconds'>): number {
  return Math.max(2_000, Math.min(c.heartbeatIntervalSeconds, c.graceSeconds / 2) * 1000)
}

/**
 * The whole fleet, polled at half the grace (see `fleetPollMs`), or only as a safety net while the server's push
 * stream delivers the beats. Keeps the last good snapshot while a poll fails (`isError` with `data`), and backs
 * off until the registry answers again. Pass `select` to subscribe to a part of it (a poll that changes nothing
 * in that part re-renders nothing).
 */
export function useFleet<T = FleetSnapshot>(select?: (snapshot: FleetSnapshot) => T) {
  const registry = useRegistry()
  const config = useConfig()
  const stream = useFleetStreamState()
  return useQuery({ ...fleetQueryOptions(registry, streamAwarePollMs(fleetPollMs(config), stream)), select })
}
