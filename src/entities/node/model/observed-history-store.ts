import { watchedSilenceAfter, type SeenBeat } from './outages.ts'
import type { NodeEntry } from './schemas.ts'

/**
 * The heartbeats this page has observed while open, per node: whenever a fleet poll shows a node's
 * `last_heartbeat` advanced, that beat is recorded. It is the node page's history where the registry has no
 * history route, and the overview's beat strips. Bounded: a ring of the last `capacity` beats per node in
 * typed arrays (about 2 KB a node), and at most `maxNodes` nodes; a poll costs O(nodes) compares and
 * notifies only the nodes that got a new beat.
 *
 * A gap between two observed beats is not by itself a silence: the page may not have been looking (a hidden
 * tab does not poll). So each beat also keeps `seenUntil`, how long the polls kept showing it as the latest;
 * see `aliveSpansFromObserved` in `outages.ts` for how the two are read together.
 */
export interface ObservedBeat extends SeenBeat {
  /** The status the node reported with this beat (free text). */
  status: string | null
}

export interface ObservedHistoryStore {
  /**
   * Records what one poll saw. `at` is an instant its data is known to be at least as fresh as (a poll's
   * start): a beat seen again has its `seenUntil` raised to `at`. Only entries the poll actually returned
   * belong here. The first call sets `observedSince`.
   */
  record(entries: readonly NodeEntry[], at: number): void
  /** Beat instants (ms), oldest first. The same array until this node gets a new beat. */
  getBeats(nodeId: string): readonly number[]
  /**
   * Beats with their status and `seenUntil`, oldest first. The same array until this node gets a new beat, so
   * the newest beat's `seenUntil` may lag behind: it is final once the next beat arrives, and only then is
   * there a gap after it to read.
   */
  getHeartbeats(nodeId: string): readonly ObservedBeat[]
  /**
   * Whether the page watched this node silent for longer than `onlineMs` between two of its beats
   * (`watchedSilenceAfter`). Allocates nothing, so it can be asked of every node on every poll.
   */
  hasWatchedSilence(nodeId: string, onlineMs: number): boolean
  /** When the page started observing (the first recorded poll), or null before it. */
  observedSince(): number | null
  subscribe(nodeId: string, listener: () => void): () => void
  /** Listens to every change (including `observedSince`). */
  subscribeAll(listener: () => void): () => void
  /**
   * The store as of now: a new object after every change that `subscribeAll` reports, so a memo that reads
   * the history through it can name it as a dependency.
   */
  snapshot(): ObservedHistoryView
  /** Forgets everything (tests; a registry switch). */
  reset(): void
  /**
   * Takes back what the browser kept from earlier visits (`keep-observed-history.ts`), before the first poll
   * is recorded; later it is ignored. `keptForMs` is how far back the browser keeps it, said on screen.
   */
  restore(kept: KeptHistory | null, keptForMs: number): void
  /** How far back the history is kept across reloads, or null when it lives only as long as the page. */
  keptForMs(): number | null
  /**
   * The nodes whose beats (or a beat's `seenUntil`) changed since they were last taken, as they are now: at
   * most `limit` of them, the rest left for the next call (oldest changes first).
   */
  takeChanged(limit?: number): KeptHistory['nodes']
}

/** What the browser keeps of the observed history. */
export interface KeptHistory {
  since: number
  nodes: readonly { nodeId: string; beats: readonly ObservedBeat[] }[]
}

export type ObservedHistoryView = Pick<
  ObservedHistoryStore,
  'getBeats' | 'getHeartbeats' | 'hasWatchedSilence' | 'observedSince' | 'keptForMs'
>

interface Ring {
  ts: Float64Array
  /** Per beat: the latest `at` that still saw it as the node's latest. */
  seenUntil: Float64Array
  status: Uint16Array
  /** Index of the next write. */
  head: number
  count: number
  beats: readonly number[] | null
  heartbeats: readonly ObservedBeat[] | null
}

const EMPTY_BEATS: readonly number[] = Object.freeze([])
const EMPTY_HEARTBEATS: readonly ObservedBeat[] = Object.freeze([])

export function createObservedHistoryStore(
  opts: { capacity?: number; maxNodes?: number } = {},
): ObservedHistoryStore {
  const capacity = opts.capacity ?? 120
  const maxNodes = opts.maxNodes ?? 20_000
  const rings = new Map<string, Ring>()
  // Status strings are interned: a beat stores a small number, not a string.
  const statusIds = new Map<string | null, number>()
  const statuses: (string | null)[] = []
  const listeners = new Map<string, Set<() => void>>()
  const allListeners = new Set<() => void>()
  let since: number | null = null
  let kept: number | null = null
  const changedIds = new Set<string>()
  let view: ObservedHistoryView | null = null

  const statusId = (s: string | null): number => {
    let id = statusIds.get(s)
    if (id === undefined) {
      // Free text could in theory be endless; past the id space the rest share one "other" slot.
      id = statuses.length < 65_535 ? statuses.length : 65_535
      if (id < 65_535) {
        statuses.push(s)
        statusIds.set(s, id)
      }
    }
    return id
  }

  const newest = (r: Ring): number => (r.head - 1 + capacity) % capacity
  const lastTs = (r: Ring): number => (r.count === 0 ? -Infinity : (r.ts[newest(r)] ?? -Infinity))

  function push(r: Ring, ts: number, status: string | null, at: number) {
    r.ts[r.head] = ts
    // A poll can return a beat newer than its start; the beat was surely the latest at its own instant.
    r.seenUntil[r.head] = Math.max(ts, at)
    r.status[r.head] = statusId(status)
    r.head = (r.head + 1) % capacity
    r.count = Math.min(capacity, r.count + 1)
    r.beats = null
    r.heartbeats = null
  }

  function ringOf(id: string): Ring | null {
    let r = rings.get(id)
    if (!r) {
      if (rings.size >= maxNodes) return null
      r = {
        ts: new Float64Array(capacity),
        seenUntil: new Float64Array(capacity),
        status: new Uint16Array(capacity),
        head: 0,
        count: 0,
        beats: null,
        heartbeats: null,
      }
      rings.set(id, r)
    }
    return r
  }

  const beatAt = (r: Ring, i: number): ObservedBeat => ({
    ts: r.ts[i] ?? 0,
    seenUntil: r.seenUntil[i] ?? 0,
    status: statuses[r.status[i] ?? 0] ?? null,
  })

  function ordered<T>(r: Ring, f: (i: number) => T): T[] {
    const out: T[] = []
    const start = (r.head - r.count + capacity) % capacity
    for (let n = 0; n < r.count; n++) out.push(f((start + n) % capacity))
    return out
  }

  const store: ObservedHistoryStore = {
    record(entries, at) {
      const changed: string[] = []
      for (const e of entries) {
        if (e.kind !== 'ok') continue
        const { node_id: id, last_heartbeat: ts, status } = e.node
        if (ts === null) continue
        const r = ringOf(id)
        if (!r) continue
        const last = lastTs(r)
        if (ts < last) continue
        if (ts === last) {
          // Seen again: the page is watching the silence after it. No listener needs to hear of it yet: a
          // silence becomes a gap to read only with the next beat, and that beat notifies.
          const i = newest(r)
          if (at > (r.seenUntil[i] ?? at)) {
            r.seenUntil[i] = at
            changedIds.add(id)
          }
          continue
        }
        push(r, ts, status, at)
        changed.push(id)
        changedIds.add(id)
      }
      const first = since === null
      if (first) since = at
      for (const id of changed) for (const l of listeners.get(id) ?? []) l()
      if (first || changed.length > 0) {
        view = null
        for (const l of allListeners) l()
      }
    },
    getBeats(nodeId) {
      const r = rings.get(nodeId)
      if (!r) return EMPTY_BEATS
      r.beats ??= ordered(r, (i) => r.ts[i] ?? 0)
      return r.beats
    },
    getHeartbeats(nodeId) {
      const r = rings.get(nodeId)
      if (!r) return EMPTY_HEARTBEATS
      r.heartbeats ??= ordered(r, (i) => beatAt(r, i))
      return r.heartbeats
    },
    hasWatchedSilence(nodeId, onlineMs) {
      const r = rings.get(nodeId)
      if (!r) return false
      // Every beat but the newest: the silence after the newest is the node's current one, not a gap.
      const start = (r.head - r.count + capacity) % capacity
      for (let n = 0; n < r.count - 1; n++) {
        const i = (start + n) % capacity
        if (watchedSilenceAfter(r.ts[i] ?? 0, r.seenUntil[i] ?? 0, onlineMs)) return true
      }
      return false
    },
    observedSince: () => since,
    subscribe(nodeId, listener) {
      let set = listeners.get(nodeId)
      if (!set) {
        set = new Set()
        listeners.set(nodeId, set)
      }
      set.add(listener)
      return () => {
        set.delete(listener)
        if (set.size === 0) listeners.delete(nodeId)
      }
    },
    subscribeAll(listener) {
      allListeners.add(listener)
      return () => allListeners.delete(listener)
    },
    snapshot() {
      view ??= {
        getBeats: (nodeId) => store.getBeats(nodeId),
        getHeartbeats: (nodeId) => store.getHeartbeats(nodeId),
        hasWatchedSilence: (nodeId, onlineMs) => store.hasWatchedSilence(nodeId, onlineMs),
        observedSince: () => store.observedSince(),
        keptForMs: () => store.keptForMs(),
      }
      return view
    },
    restore(history, keptForMs) {
      if (since !== null) return
      kept = keptForMs
      if (!history) return
      since = history.since
      for (const n of history.nodes) {
        const r = ringOf(n.nodeId)
        if (!r) continue
        for (const b of n.beats) if (b.ts > lastTs(r)) push(r, b.ts, b.status, b.seenUntil)
      }
      view = null
      for (const l of allListeners) l()
    },
    keptForMs: () => kept,
    takeChanged(limit = Infinity) {
      const taken: string[] = []
      for (const id of changedIds) {
        if (taken.length >= limit) break
        taken.push(id)
      }
      const out = taken.flatMap((nodeId) => {
        const r = rings.get(nodeId)
        // Built afresh: the cached `getHeartbeats` array may hold an older `seenUntil` for the newest beat.
        return r ? [{ nodeId, beats: ordered(r, (i) => beatAt(r, i)) }] : []
      })
      for (const id of taken) changedIds.delete(id)
      return out
    },
    reset() {
      rings.clear()
      changedIds.clear()
      since = null
      view = null
      for (const l of allListeners) l()
      for (const set of listeners.values()) for (const l of set) l()
    },
  }
  return store
}
