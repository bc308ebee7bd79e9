import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { createObservedHistoryStore } from '../model/observed-history-store.ts'
import { connectFleetStream, type EventSourceLike } from './fleet-stream.ts'
import { nodeKeys } from './query-keys.ts'
import { serverDatabaseDown } from './server-database-state.ts'

const registry = { baseUrl: 'http://registry.test' }

/** An EventSource stand-in: the test fires the server's events by name. */
function fakeSource() {
  const listeners = new Map<string, (ev: { data: unknown }) => void>()
  const source: EventSourceLike & { fire(type: string, data: unknown): void } = {
    readyState: 1,
    onopen: null,
    onerror: null,
    addEventListener: (type, listener) => listeners.set(type, listener),
    close: () => {},
    fire: (type, data) => listeners.get(type)?.({ data: JSON.stringify(data) }),
  }
  return source
}

let close = () => {}
afterEach(() => close())

function connect() {
  const client = new QueryClient()
  const source = fakeSource()
  close = connectFleetStream({
    url: 'http://console.test/api/v1/events',
    client,
    registry,
    observed: createObservedHistoryStore(),
    open: () => source,
  })
  return { client, source }
}

describe('the push stream reporting the server’s database', () => {
  it('says the database is down at once, and on its return reads every history window again', () => {
    const { client, source } = connect()
    const window = nodeKeys.heartbeats(registry, 'node-1', { since: 0, until: 1 })
    const buckets = nodeKeys.buckets(registry, 'node-1', { since: 0, until: 1, bucketSeconds: 60 })
    client.setQueryData(window, { nodeId: 'node-1', beats: [], dropped: 0 })
    client.setQueryData(buckets, { nodeId: 'node-1', bucketSeconds: 60, buckets: [], dropped: 0 })
    client.setQueryData(nodeKeys.fleet(registry), { entries: [] })

    source.fire('database', { ok: false, reason: 'the database refused the connection' })
    expect(serverDatabaseDown()).toBe('the database refused the connection')
    expect(client.getQueryState(window)?.isInvalidated).toBe(false)

    source.fire('database', { ok: true })
    expect(serverDatabaseDown()).toBeNull()
    expect(client.getQueryState(window)?.isInvalidated).toBe(true)
    expect(client.getQueryState(buckets)?.isInvalidated).toBe(true)
    // The fleet is not history: the stream keeps it current.
    expect(client.getQueryState(nodeKeys.fleet(registry))?.isInvalidated).toBe(false)
  })

  it('forgets what it said once the stream is lost or closed, and ignores a malformed report', () => {
    const { source } = connect()
    source.fire('database', { ok: 'no' })
    expect(serverDatabaseDown()).toBeNull()
    source.fire('database', { ok: false, reason: 'the connection to the database was lost' })
    source.onerror?.(new Event('error'))
    expect(serverDatabaseDown()).toBeNull()
    source.fire('database', { ok: false })
    expect(serverDatabaseDown()).toBe('the database cannot be read')
    close()
    expect(serverDatabaseDown()).toBeNull()
  })
})
