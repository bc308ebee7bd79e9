import { z } from 'zod'
import type { KeptHistory } from '../model/observed-history-store.ts'

/** How far back the browser keeps what the page observed. */
export const KEEP_MS = 7 * 86_400_000
/** At most this many nodes are kept (about 5 KB each at most); past it, the longest silent go first. */
export const MAX_KEPT_NODES = 2_000

const NODES = 'nodes'
const META = 'meta'
const SINCE_KEY = 'since'

/** One node's beats as stored, in columns: about a third of the size of an array of objects. */
const KeptRowSchema = z
  .object({
    nodeId: z.string(),
    last: z.number(),
    ts: z.array(z.number()),
    seenUntil: z.array(z.number()),
    status: z.array(z.string().nullable()),
  })
  .refine((r) => r.ts.length === r.seenUntil.length && r.ts.length === r.status.length)
type KeptRow = z.infer<typeof KeptRowSchema>

export interface ObservedHistoryDb {
  /** What is kept, without what is older than `KEEP_MS` before `now`; null when nothing is. */
  load(now: number): Promise<KeptHistory | null>
  /** Writes these nodes' beats (replacing what was kept of them) in one transaction, then trims. */
  save(since: number, nodes: KeptHistory['nodes'], now: number): Promise<void>
  close(): void
}

/** One database per registry, so two registries' node ids never mix. */
export const observedHistoryDbName = (registryUrl: string | undefined, demoSeed: number) =>
  `node-console-observed:${registryUrl ?? `demo-${demoSeed}`}`

const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
  })

const result = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })

export async function openObservedHistoryDb(
  name: string,
  factory: IDBFactory = indexedDB,
): Promise<ObservedHistoryDb> {
  const open = factory.open(name, 1)
  open.onupgradeneeded = () => {
    const nodes = open.result.createObjectStore(NODES, { keyPath: 'nodeId' })
    nodes.createIndex('last', 'last')
    open.result.createObjectStore(META)
  }
  const db = await result(open)

  return {
    async load(now) {
      const tx = db.transaction([NODES, META], 'readonly')
      const [rows, since]: [unknown[], unknown] = await Promise.all([
        result<unknown[]>(tx.objectStore(NODES).getAll()),
        result<unknown>(tx.objectStore(META).get(SINCE_KEY)),
      ])
      if (typeof since !== 'number') return null
      const floor = now - KEEP_MS
      const nodes = rows.flatMap((raw) => {
        // A row that does not parse (another version, a broken write) is one node forgotten, not the page.
        const row = KeptRowSchema.safeParse(raw)
        if (!row.success) return []
        const { nodeId, ts, seenUntil, status } = row.data
        const beats = ts
          .map((t, i) => ({ ts: t, seenUntil: seenUntil[i] ?? t, status: status[i] ?? null }))
          .filter((b) => b.ts >= floor)
        return beats.length > 0 ? [{ nodeId, beats }] : []
      })
      return { since: Math.max(since, floor), nodes }
    },

    async save(since, nodes, now) {
      const tx = db.transaction([NODES, META], 'readwrite')
      const store = tx.objectStore(NODES)
      tx.objectStore(META).put(since, SINCE_KEY)
      const floor = now - KEEP_MS
      for (const n of nodes) {
        const beats = n.beats.filter((b) => b.ts >= floor)
        const last = beats.at(-1)
        if (!last) continue
        const row: KeptRow = {
          nodeId: n.nodeId,
          last: last.seenUntil,
          ts: beats.map((b) => b.ts),
          seenUntil: beats.map((b) => b.seenUntil),
          status: beats.map((b) => b.status),
        }
        store.put(row)
      }
      const index = store.index('last')
      index.openKeyCursor(IDBKeyRange.upperBound(floor, true)).onsuccess = function () {
        const cursor = this.result
        if (!cursor) return
        store.delete(cursor.primaryKey)
        cursor.continue()
      }
      // Callbacks, not awaits: a transaction closes once no request is pending at the end of a task.
      const count = store.count()
      count.onsuccess = () => {
        let excess = count.result - MAX_KEPT_NODES
        if (excess <= 0) return
        index.openKeyCursor().onsuccess = function () {
          const cursor = this.result
          if (!cursor || excess-- <= 0) return
          store.delete(cursor.primaryKey)
          cursor.continue()
        }
      }
      await committed(tx)
    },

    close: () => db.close(),
  }
}
