import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useConfig } from '@/lib/config/config-context.tsx'
import { useObservedHistory } from '../model/observed-history-context.tsx'
import type { ObservedHistoryStore } from '../model/observed-history-store.ts'
import { parseDatabaseEvent, parseHeartbeatEvent, parseNodeEvent } from '../model/stream-events.ts'
import { applyHeartbeatEvent, applyNodeEvent } from './apply-stream-event.ts'
import { fleetStreamStateChanged } from './fleet-stream-state.ts'
import { serverDatabaseDown, serverDatabaseReported } from './server-database-state.ts'
import { nodeKeyKind, nodeKeys } from './query-keys.ts'
import type { Registry } from './registry-http.ts'
import { useRegistry } from './use-registry.ts'

/** What the stream needs of `EventSource` (tests pass a fake). */
export interface EventSourceLike {
  readonly readyState: number
  onopen: ((ev: Event) => unknown) | null
  onerror: ((ev: Event) => unknown) | null
  addEventListener(type: string, listener: (ev: { data: unknown }) => void): void
  close(): void
}

const CLOSED = 2
const HISTORY_KINDS = new Set(['heartbeats', 'buckets'])
const FIRST_RETRY_MS = 3_000
const MAX_RETRY_MS = 60_000

/**
 * Opens the console server's push stream and feeds what it says into the query cache (`apply-stream-event.ts`).
 * EventSource reconnects by itself after a drop, sending `Last-Event-ID` so no beat is lost; when it gives up
 * (the server answered with an error), a new one is opened after a backoff. While it is not delivering, the
 * fleet is polled at the normal rhythm, starting with a poll at once to catch up. Returns the closer.
 */
export function connectFleetStream(opts: {
  url: string
  client: QueryClient
  registry: Pick<Registry, 'baseUrl'>
  observed: ObservedHistoryStore
  open?: (url: string) => EventSourceLike
}): () => void {
  const open = opts.open ?? ((url: string) => new EventSource(url))
  const { client, registry } = opts
  let source: EventSourceLike | null = null
  let retryMs = FIRST_RETRY_MS
  let timer: ReturnType<typeof setTimeout> | undefined
  let wasOpen = false

  const lost = () => {
    fleetStreamStateChanged('lost')
    // What a lost stream said of the database is no longer known; the history queries' 503s still tell.
    serverDatabaseReported(null)
    if (!wasOpen) return
    wasOpen = false
    void client.refetchQueries({ queryKey: nodeKeys.fleet(registry), type: 'active' })
  }

  const connect = () => {
    fleetStreamStateChanged('connecting')
    const es = open(opts.url)
    source = es
    es.onopen = () => {
      retryMs = FIRST_RETRY_MS
      wasOpen = true
      fleetStreamStateChanged('open')
    }
    es.onerror = () => {
      lost()
      if (es.readyState !== CLOSED) return
      es.close()
      timer = setTimeout(connect, retryMs)
      retryMs = Math.min(MAX_RETRY_MS, retryMs * 2)
    }
    es.addEventListener('heartbeat', (ev) => {
      const beat = typeof ev.data === 'string' ? parseHeartbeatEvent(ev.data) : null
      if (beat) applyHeartbeatEvent(opts, beat)
    })
    es.addEventListener('database', (ev) => {
      const db = typeof ev.data === 'string' ? parseDatabaseEvent(ev.data) : null
      if (!db) return
      const wasDown = serverDatabaseDown() !== null
      serverDatabaseReported(db.ok ? null : (db.reason ?? 'the database cannot be read'))
      // Back: every history window is read again at once, rather than at its next refresh.
      if (db.ok && wasDown)
        void client.invalidateQueries({
          queryKey: nodeKeys.all(registry),
          predicate: (q) => HISTORY_KINDS.has(nodeKeyKind(q.queryKey) ?? ''),
        })
    })
    es.addEventListener('node', (ev) => {
      const node = typeof ev.data === 'string' ? parseNodeEvent(ev.data) : null
      if (node) applyNodeEvent(opts, node)
    })
  }

  connect()
  return () => {
    clearTimeout(timer)
    source?.close()
    fleetStreamStateChanged('off')
    serverDatabaseReported(null)
  }
}

/**
 * The tab's one push stream, when `config.json` offers one (`server.events`); without it the app polls as it
 * always did. Mount once, in the app's providers.
 */
export function useFleetStream(): void {
  const events = useConfig().server?.events
  const client = useQueryClient()
  const registry = useRegistry()
  const observed = useObservedHistory()
  useEffect(() => {
    if (!events || typeof EventSource === 'undefined') return
    const url = new URL(events, `${window.location.origin}/`).href
    return connectFleetStream({ url, client, registry, observed })
  }, [events, client, registry, observed])
}
