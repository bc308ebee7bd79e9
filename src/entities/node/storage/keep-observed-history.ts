import type { ObservedHistoryStore } from '../model/observed-history-store.ts'
import {
  KEEP_MS,
  observedHistoryDbName,
  openObservedHistoryDb,
  type ObservedHistoryDb,
} from './observed-history-db.ts'

/** Writes are batched: at most one transaction this often, in idle time, plus one as the page goes away. */
const FLUSH_EVERY_MS = 10_000
const IDLE_TIMEOUT_MS = 5_000
/** Nodes per write: a big fleet's changes are written a slice at a time, so no flush holds the main thread. */
const NODES_PER_WRITE = 250
/** A browser whose IndexedDB hangs (some private modes) must not hold the first paint for long. */
const OPEN_TIMEOUT_MS = 1_500

export interface ObservedHistoryKeeper {
  /** Writes what changed since the last write; resolves when it is stored. */
  flush(): Promise<void>
  stop(): void
}

/**
 * Keeps the store's changes in `db`: every `everyMs`, in idle time, one transaction with (at most 250 of) the
 * nodes whose beats changed, and once more on `pagehide`. Off the hot path: a poll only marks nodes as changed.
 */
export function keepObservedHistory(
  store: ObservedHistoryStore,
  db: ObservedHistoryDb,
  opts: { now?: () => number; everyMs?: number } = {},
): ObservedHistoryKeeper {
  const now = opts.now ?? Date.now
  let chain = Promise.resolve()
  const flush = () => {
    chain = chain.then(async () => {
      const since = store.observedSince()
      const nodes = store.takeChanged(NODES_PER_WRITE)
      if (since === null || nodes.length === 0) return
      await db.save(since, nodes, now()).catch(() => {
        // Quota or a closed database: the page goes on with what it holds in memory.
      })
    })
    return chain
  }
  const inIdle = () => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => void flush(), { timeout: IDLE_TIMEOUT_MS })
    else void flush()
  }
  const timer = setInterval(inIdle, opts.everyMs ?? FLUSH_EVERY_MS)
  const onHide = () => void flush()
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide)
  return {
    flush,
    stop() {
      clearInterval(timer)
      if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide)
    },
  }
}

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('IndexedDB timed out')), ms)),
  ])

/**
 * Reads back what this browser kept for this registry into `store` and keeps it from now on. Without
 * IndexedDB (or when it fails) the history lives as long as the page, as before, and nothing says "kept".
 */
export async function restoreAndKeepObservedHistory(
  store: ObservedHistoryStore,
  registry: { registryUrl: string | undefined; demoSeed: number },
): Promise<ObservedHistoryKeeper | null> {
  if (typeof indexedDB === 'undefined') return null
  try {
    const db = await withTimeout(
      openObservedHistoryDb(observedHistoryDbName(registry.registryUrl, registry.demoSeed)),
      OPEN_TIMEOUT_MS,
    )
    const kept = await withTimeout(db.load(Date.now()), OPEN_TIMEOUT_MS)
    store.restore(kept, KEEP_MS)
    return keepObservedHistory(store, db)
  } catch {
    return null
  }
}
