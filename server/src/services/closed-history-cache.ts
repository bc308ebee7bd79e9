/**
 * History that can no longer change, kept in memory: per key (a node and what is kept of it), one contiguous
 * span [from, to) of items in time order. Beats older than a safety margin are all committed and the registry
 * never rewrites them, so such a span stays true; an entry still expires after `ttlMs`, so rows an operator
 * deletes by hand are forgotten within that time. Bounded: at most `maxItems` items in all, least recently
 * used entries dropped first.
 */
export interface Span<T> {
  from: number
  to: number
  items: readonly T[]
}

export interface ClosedHistoryCacheOptions {
  /** Items kept in all entries together (each a beat or a bucket: a few hundred bytes). */
  maxItems: number
  /** How long an entry is trusted, from when it was first filled. */
  ttlMs: number
  /** How old a beat must be before it is taken as final: a row may commit after its own timestamp. */
  closeAfterMs: number
}

export const DEFAULT_CACHE_OPTIONS: ClosedHistoryCacheOptions = {
  maxItems: 40_000,
  ttlMs: 3_600_000,
  closeAfterMs: 120_000,
}

interface Entry {
  span: Span<unknown>
  filledAt: number
}

export interface ClosedHistoryCache {
  readonly options: ClosedHistoryCacheOptions
  get<T>(key: string, now: number): Span<T> | undefined
  /** Keeps `span` under `key`; `filledAt` is when the entry it extends was first filled (or now). */
  set<T>(key: string, span: Span<T>, filledAt: number): void
  filledAt(key: string): number | undefined
  /** Items held now, for the bound and for tests. */
  size(): number
  /** A node's `nodes.id` by its `node_id`, as last read (a node's row is never deleted or re-keyed). */
  nodeKey(nodeId: string, now: number): string | undefined
  setNodeKey(nodeId: string, key: string, now: number): void
}

const MAX_NODE_KEYS = 10_000

export function createClosedHistoryCache(
  options: ClosedHistoryCacheOptions = DEFAULT_CACHE_OPTIONS,
): ClosedHistoryCache {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry>()
  let total = 0
  const keys = new Map<string, { key: string; at: number }>()
  const drop = (key: string) => {
    const e = entries.get(key)
    if (!e) return
    total -= e.span.items.length
    entries.delete(key)
  }
  return {
    options,
    get<T>(key: string, now: number) {
      const e = entries.get(key)
      if (!e) return undefined
      if (now - e.filledAt > options.ttlMs) {
        drop(key)
        return undefined
      }
      entries.delete(key)
      entries.set(key, e)
      return e.span as Span<T>
    },
    set<T>(key: string, span: Span<T>, filledAt: number) {
      drop(key)
      if (span.items.length > options.maxItems) return
      entries.set(key, { span, filledAt })
      total += span.items.length
      for (const oldest of entries.keys()) {
        if (total <= options.maxItems) break
        drop(oldest)
      }
    },
    filledAt: (key) => entries.get(key)?.filledAt,
    size: () => total,
    nodeKey(nodeId, now) {
      const k = keys.get(nodeId)
      return k && now - k.at <= options.ttlMs ? k.key : undefined
    },
    setNodeKey(nodeId, key, now) {
      keys.delete(nodeId)
      keys.set(nodeId, { key, at: now })
      for (const oldest of keys.keys()) {
        if (keys.size <= MAX_NODE_KEYS) break
        keys.delete(oldest)
      }
    },
  }
}
