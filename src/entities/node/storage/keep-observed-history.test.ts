import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { createNode } from '@mocks/registry/factories.ts'
import { formatRegistryTime } from '@mocks/registry/registry-time.ts'
import { parseNodeEntry } from '../api/node-entry.ts'
import { createObservedHistoryStore } from '../model/observed-history-store.ts'
import { aliveSpansFromObserved, findOutages } from '../model/outages.ts'
import { keepObservedHistory } from './keep-observed-history.ts'
import { KEEP_MS, MAX_KEPT_NODES, openObservedHistoryDb } from './observed-history-db.ts'

const T = Date.UTC(2026, 10, 29, 9)
const ONLINE_MS = 15_000
const poll = (beats: Record<string, number>) =>
  Object.entries(beats).map(([id, ts]) =>
    parseNodeEntry(createNode({ node_id: id, last_heartbeat: formatRegistryTime(ts, 'naive') })),
  )

/** A page that polls every 5 s while node `a` beats every 10 s, except for a silence it watches. */
function watchOutage(store: ReturnType<typeof createObservedHistoryStore>) {
  const beatAt = (t: number) => (t >= T + 60_000 && t < T + 200_000 ? T + 50_000 : t - (t % 10_000))
  for (let t = T; t <= T + 240_000; t += 5_000) store.record(poll({ a: beatAt(t), b: t - (t % 10_000) }), t)
}

const outagesOf = (store: ReturnType<typeof createObservedHistoryStore>) =>
  findOutages(
    aliveSpansFromObserved(store.getHeartbeats('a'), ONLINE_MS),
    { start: T, end: T + 240_000 },
    ONLINE_MS,
  ).filter((o) => !o.openStart)

describe('the observed history kept in the browser', () => {
  it('a reload keeps the outages observed before it', async () => {
    const factory = new IDBFactory()
    const before = createObservedHistoryStore()
    const db = await openObservedHistoryDb('registry-a', factory)
    before.restore(null, KEEP_MS)
    const keeper = keepObservedHistory(before, db, { now: () => T + 240_000 })
    watchOutage(before)
    expect(outagesOf(before)).toHaveLength(1)
    await keeper.flush()
    keeper.stop()
    db.close()

    // The reload: a new store, read back before anything is polled.
    const after = createObservedHistoryStore()
    const reopened = await openObservedHistoryDb('registry-a', factory)
    after.restore(await reopened.load(T + 300_000), KEEP_MS)
    expect(after.observedSince()).toBe(T)
    expect(after.keptForMs()).toBe(KEEP_MS)
    expect(outagesOf(after)).toEqual(outagesOf(before))
    expect(after.hasWatchedSilence('a', ONLINE_MS)).toBe(true)
    expect(after.getBeats('b')).toEqual(before.getBeats('b'))
    reopened.close()
  })

  it('a reload is not an outage: the time the page was closed is not a watched silence', async () => {
    const factory = new IDBFactory()
    const s = createObservedHistoryStore()
    const db = await openObservedHistoryDb('registry-a', factory)
    s.restore(null, KEEP_MS)
    for (let t = T; t <= T + 30_000; t += 5_000) s.record(poll({ a: t - (t % 10_000) }), t)
    await keepObservedHistory(s, db).flush()
    const again = createObservedHistoryStore()
    again.restore(await db.load(T + 600_000), KEEP_MS)
    again.record(poll({ a: T + 600_000 }), T + 600_000)
    expect(again.hasWatchedSilence('a', ONLINE_MS)).toBe(false)
    db.close()
  })

  it('keeps one database per registry', async () => {
    const factory = new IDBFactory()
    const s = createObservedHistoryStore()
    const a = await openObservedHistoryDb('registry-a', factory)
    s.record(poll({ a: T }), T)
    await keepObservedHistory(s, a).flush()
    const b = await openObservedHistoryDb('registry-b', factory)
    expect(await b.load(T)).toBeNull()
    expect((await a.load(T))?.nodes.map((n) => n.nodeId)).toEqual(['a'])
    a.close()
    b.close()
  })

  it('drops what is older than 7 days, and past the size cap the nodes silent longest', async () => {
    const db = await openObservedHistoryDb('registry-a', new IDBFactory())
    const beat = (ts: number) => ({ ts, seenUntil: ts, status: 'online' })
    await db.save(T, [{ nodeId: 'old', beats: [beat(T), beat(T + KEEP_MS + 10)] }], T + KEEP_MS + 10)
    const loaded = await db.load(T + KEEP_MS + 5)
    expect(loaded?.since).toBe(T + 5)
    expect(loaded?.nodes).toEqual([{ nodeId: 'old', beats: [beat(T + KEEP_MS + 10)] }])

    const many = Array.from({ length: MAX_KEPT_NODES + 3 }, (_, i) => ({
      nodeId: `n${i}`,
      beats: [beat(T + KEEP_MS + 100 + i)],
    }))
    await db.save(T, many, T + KEEP_MS + 100)
    const ids = new Set((await db.load(T + KEEP_MS + 100))?.nodes.map((n) => n.nodeId))
    expect(ids.size).toBe(MAX_KEPT_NODES)
    // The oldest last beats went first: `old` and n0..n2.
    expect(['old', 'n0', 'n1', 'n2'].some((id) => ids.has(id))).toBe(false)
    expect(ids.has(`n${MAX_KEPT_NODES + 2}`)).toBe(true)
    db.close()
  })

  it('a row that does not parse is one node forgotten, not the history', async () => {
    const factory = new IDBFactory()
    const db = await openObservedHistoryDb('registry-a', factory)
    await db.save(T, [{ nodeId: 'a', beats: [{ ts: T, seenUntil: T, status: null }] }], T)
    await new Promise<void>((resolve, reject) => {
      const open = factory.open('registry-a', 1)
      open.onsuccess = () => {
        const tx = open.result.transaction('nodes', 'readwrite')
        tx.objectStore('nodes').put({ nodeId: 'bad', last: T, ts: [T], seenUntil: 'x', status: [] })
        tx.oncomplete = () => {
          open.result.close()
          resolve()
        }
        tx.onerror = () => reject(tx.error ?? new Error('write failed'))
      }
    })
    expect((await db.load(T))?.nodes.map((n) => n.nodeId)).toEqual(['a'])
    db.close()
  })

  it('writes only what changed since the last write', () => {
    const s = createObservedHistoryStore()
    s.record(poll({ a: T, b: T }), T)
    expect(s.takeChanged().map((n) => n.nodeId)).toEqual(['a', 'b'])
    s.record(poll({ a: T, b: T + 10_000 }), T + 5_000)
    // `a` was seen again (its seenUntil moved), `b` beat.
    const changed = s.takeChanged()
    expect(changed.map((n) => n.nodeId)).toEqual(['a', 'b'])
    expect(changed[0]?.beats).toEqual([{ ts: T, seenUntil: T + 5_000, status: 'online' }])
    s.record(poll({ a: T, b: T + 10_000 }), T + 5_000)
    expect(s.takeChanged()).toEqual([])
  })

  it('takes a big fleet’s changes a slice at a time, the oldest changes first', () => {
    const s = createObservedHistoryStore()
    s.record(poll({ a: T, b: T, c: T }), T)
    expect(s.takeChanged(2).map((n) => n.nodeId)).toEqual(['a', 'b'])
    expect(s.takeChanged(2).map((n) => n.nodeId)).toEqual(['c'])
    expect(s.takeChanged(2)).toEqual([])
  })
})
