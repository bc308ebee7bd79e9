import { useSyncExternalStore } from 'react'
import type { NodeEntry } from './schemas.ts'

/**
 * The heartbeats this page has observed while open, per node: whenever a fleet poll shows a node's
 * `last_heartbeat` advanced, that beat is recorded. It is the node page's history where the registry has no
 * history route, and the overview's beat strips. Bounded: a ring of the last `capacity` beats per node in
 * typed arrays (about 1 KB a node), and at most `maxNodes` nodes; a poll costs O(nodes) compares and
 * notifies only the nodes that changed.
 */
export interface ObservedBeat {
  ts: number
  /** The status the node reported with this beat (free text). */
  status: string | null
}

export interface ObservedHistoryStore {
  /** Records what one fleet poll saw; `now` is when (the first call sets `observedSince`). */
  record(entries: readonly NodeEntry[], now: number): void
  /** Beat instants (ms), oldest first. The same array until this node gets a new beat. */
  getBeats(nodeId: string): readonly number[]
  /** Beats with their status, oldest first. The same array until this node gets a new beat. */
  getHeartbeats(nodeId: string): readonly ObservedBeat[]
  /** When the page started observing (the first recorded poll), or null before it. */
  observedSince(): number | null
  subscribe(nodeId: string, listener: () => void): () => void
  /** Listens to every change (including `observedSince`). */
  subscribeAll(listener: () => void): () => void
  /** Forgets everything (tests; a registry switch). */
  reset(): void
}

interface Ring {
  ts: Float64Array
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

  const lastTs = (r: Ring): number =>
    r.count === 0 ? -Infinity : (r.ts[(r.head - 1 + capacity) % capacity] ?? -Infinity)

  function push(r: Ring, ts: number, status: string | null) {
    r.ts[r.head] = ts
    r.status[r.head] = statusId(status)
    r.head = (r.head + 1) % capacity
    r.count = Math.min(capacity, r.count + 1)
    r.beats = null
    r.heartbeats = null
  }

  function ordered<T>(r: Ring, f: (i: number) => T): T[] {
    const out: T[] = []
    const start = (r.head - r.count + capacity) % capacity
    for (let n = 0; n < r.count; n++) out.push(f((start + n) % capacity))
    return out
  }

  return {
    record(entries, now) {
      const changed: string[] = []
      for (const e of entries) {
        if (e.kind !== 'ok') continue
        const { node_id: id, last_heartbeat: ts, status } = e.node
        if (ts === null) continue
        let r = rings.get(id)
        if (!r) {
          if (rings.size >= maxNodes) continue
          r = {
            ts: new Float64Array(capacity),
            status: new Uint16Array(capacity),
            head: 0,
            count: 0,
            beats: null,
            heartbeats: null,
          }
          rings.set(id, r)
        }
        if (ts <= lastTs(r)) continue
        push(r, ts, status)
        changed.push(id)
      }
      const first = since === null
      if (first) since = now
      for (const id of changed) for (const l of listeners.get(id) ?? []) l()
      if (first || changed.length > 0) for (const l of allListeners) l()
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
      r.heartbeats ??= ordered(r, (i) => ({ ts: r.ts[i] ?? 0, status: statuses[r.status[i] ?? 0] ?? null }))
      return r.heartbeats
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
    reset() {
      rings.clear()
      since = null
      for (const l of allListeners) l()
      for (const set of listeners.values()) for (const l of set) l()
    },
  }
}

/** The page's one store, fed by the fleet query (`fleetQueryOptions`). */
export const observedHistory = createObservedHistoryStore()

/** Records a fleet snapshot into the page's store. */
export function recordObservedFleet(entries: readonly NodeEntry[], now: number): void {
  observedHistory.record(entries, now)
}

/** Beat instants (ms, oldest first) this page has observed for a node; re-renders only when it gets a beat. */
export function useObservedBeats(nodeId: string): readonly number[] {
  return useSyncExternalStore(
    (cb) => observedHistory.subscribe(nodeId, cb),
    () => observedHistory.getBeats(nodeId),
  )
}

/** The observed beats with the status each reported, oldest first. */
export function useObservedHeartbeats(nodeId: string): readonly ObservedBeat[] {
  return useSyncExternalStore(
    (cb) => observedHistory.subscribe(nodeId, cb),
    () => observedHistory.getHeartbeats(nodeId),
  )
}

/** When this page started observing the fleet (null until the first poll answered). */
export function useObservedSince(): number | null {
  return useSyncExternalStore(
    (cb) => observedHistory.subscribeAll(cb),
    () => observedHistory.observedSince(),
  )
}
