import type { Filter, MatrixClient } from 'matrix-js-sdk'
import type { MatrixSession } from './matrix-session.ts'
import { useMatrixSessionStore } from './matrix-session-store.ts'
import { createClientWithStore, forgetMatrixCache } from './matrix-store.ts'
import { sendRetryDelayMs } from './send-retry.ts'
import { INITIAL_SYNC_LIMIT, syncFilterDefinition } from './sync-filter.ts'

/**
 * The one Matrix client of this tab: created, started, stopped and logged out here, and nowhere else.
 * Chat and presence share it through `MatrixClientProvider` and its hooks:
 *
 * - `useMatrixClient()` — the started client (throws when missing); `useOptionalMatrixClient()` — or null.
 * - `useMatrixConnection()` — connecting / live / reconnecting (next try) / error, from the sync loop.
 * - `useMatrixSessionStore` — the session (user, device, token) and `sessionEnded(reason)`.
 * - `useTypedEventEmitter` / `useTypedEventEmitterState` — subscriptions to client, room and user events.
 *
 * Presence works on the same client: `client.setSyncPresence(SetPresence.Unavailable)` (applies to the next
 * `/sync`), then `client.setPresence({ presence, status_msg })` (the PUT), and for a last word on page hide
 * `client.http.authedRequest(Method.Put, path, undefined, body, { keepAlive: true })`. The client is started
 * without `disablePresence`, so the sync's `set_presence` stays under the caller's control.
 *
 * The SDK (~250 kB gzip) is imported on first use, so the dashboard never downloads it until the chat opens.
 */

interface Current {
  key: string
  promise: Promise<MatrixClient>
  client: MatrixClient | null
}

/** A client built on its saved sync but not started: what the idle warm-up leaves for the chat to start. */
interface Prepared {
  client: MatrixClient
  filter: Filter
}

/** Clients whose rooms are known: from the first sync, or from the saved one even if the network is down. */
const prepared = new WeakSet<MatrixClient>()

/**
 * Whether the client knows its rooms. `isInitialSyncComplete()` turns false again on a sync error, which
 * would hide a timeline restored from the saved sync while the homeserver is unreachable.
 */
export function hasRoomData(client: MatrixClient): boolean {
  return prepared.has(client) || client.isInitialSyncComplete()
}

/** What to undo when a client stops besides the SDK's own stop (the store's page-hide listeners). */
const disposers = new WeakMap<MatrixClient, () => void>()

let current: Current | null = null
let warm: { key: string; promise: Promise<Prepared> } | null = null

const keyOf = (s: MatrixSession) => `${s.homeserverUrl}|${s.userId}|${s.deviceId}|${s.accessToken}`

/**
 * Returns the tab's client for this session, creating and starting it the first time (or starting the one
 * `warmMatrixClient` prepared). Calling it again with the same session returns the same client (a remount
 * does not log in or sync afresh); a different session stops the old client first.
 */
export function acquireMatrixClient(session: MatrixSession): Promise<MatrixClient> {
  const key = keyOf(session)
  if (current?.key === key) return current.promise
  const warmed = warm?.key === key ? warm.promise : null
  if (warmed) warm = null
  stopMatrixClient()
  const entry: Current = { key, promise: (warmed ?? prepareClient(session)).then(start), client: null }
  current = entry
  entry.promise.then(
    (c) => {
      if (current === entry) entry.client = c
      else stopClient(c) // superseded while loading
    },
    () => {
      if (current === entry) current = null
    },
  )
  return entry.promise
}

/**
 * Gets the chat ready to open without syncing (no /sync, so presence is untouched): loads the SDK, reads
 * the saved sync from IndexedDB and asks for the server's versions. Opening the chat
 * with the same session then only starts the client.
 */
export function warmMatrixClient(session: MatrixSession): void {
  const key = keyOf(session)
  if (current?.key === key || warm?.key === key) return
  discardWarm()
  const entry = { key, promise: prepareClient(session) }
  warm = entry
  entry.promise.catch(() => {
    if (warm === entry) warm = null
  })
}

/** Starts downloading the SDK without running it (the chat is likely to open soon). */
export function preloadMatrixSdk(): void {
  import('matrix-js-sdk').catch(() => undefined)
}

async function prepareClient(session: MatrixSession): Promise<Prepared> {
  const sdk = await import('matrix-js-sdk')
  const filter = new sdk.Filter(session.userId)
  filter.setDefinition(syncFilterDefinition)
  const { client, dispose } = await createClientWithStore(sdk, session, (store) => {
    const client = sdk.createClient({
      store,
      baseUrl: session.homeserverUrl,
      accessToken: session.accessToken,
      userId: session.userId,
      deviceId: session.deviceId,
      // One FIFO queue for a room's messages, retried while offline (see send-retry.ts).
      scheduler: new sdk.MatrixScheduler((_event, attempts, err) => sendRetryDelayMs(err, attempts)),
    })
    // M_UNKNOWN_TOKEN on any request (expired, revoked, soft logout): the session is over.
    client.on(sdk.HttpApiEvent.SessionLoggedOut, (err) => {
      if (current?.client !== client && current?.key !== keyOf(session)) return
      stopMatrixClient()
      void forgetMatrixCache(session)
      const soft = (err.data as { soft_logout?: unknown }).soft_logout === true
      useMatrixSessionStore.getState().sessionEnded(soft ? 'soft-logout' : 'unknown-token')
    })
    // Asked while the store reads the saved sync: startClient waits for the server's versions before it
    // reads the sync, and finds them cached (a failure is asked again there).
    client.getVersions().catch(() => undefined)
    return client
  })
  disposers.set(client, dispose)
  client.on(sdk.ClientEvent.Sync, (state) => {
    if (state === sdk.SyncState.Prepared) prepared.add(client)
  })
  return { client, filter }
}

async function start({ client, filter }: Prepared): Promise<MatrixClient> {
  const sdk = await import('matrix-js-sdk')
  // Presence stays on: never `disablePresence` (it forces set_presence=offline and defeats setSyncPresence).
  await client.startClient({
    filter,
    initialSyncLimit: INITIAL_SYNC_LIMIT,
    lazyLoadMembers: true,
    // Threads as Element shows them: replies in their thread, a summary on the root.
    threadSupport: true,
    // Local echo lives in room.getPendingEvents(), apart from the server's timeline: the UI shows it
    // after the live events with its own state (sending, sent, failed).
    pendingEventOrdering: sdk.PendingEventOrdering.Detached,
  })
  return client
}

/** The started client, or null before the first `acquireMatrixClient` resolves or after logout. */
export function currentMatrixClient(): MatrixClient | null {
  return current?.client ?? null
}

/** Stops syncing and forgets the client, and any warmed one (the session stays stored). */
export function stopMatrixClient(): void {
  const entry = current
  current = null
  if (entry?.client) stopClient(entry.client)
  discardWarm()
}

function discardWarm() {
  const entry = warm
  warm = null
  entry?.promise.then(
    ({ client }) => stopClient(client),
    () => undefined,
  )
}

function stopClient(client: MatrixClient) {
  client.stopClient()
  client.removeAllListeners()
  disposers.get(client)?.()
}

/**
 * Logs out for real: revokes the access token on the server (`POST /logout`), stops the client, deletes the
 * saved sync and forgets the session. The device id is kept, so the next login reuses the device.
 */
export async function logoutMatrixClient(): Promise<void> {
  const client = current?.client
  const session = useMatrixSessionStore.getState().session
  try {
    await client?.logout(true)
  } catch {
    // Already revoked or server unreachable: the local session is dropped either way.
  } finally {
    stopMatrixClient()
    if (session) await forgetMatrixCache(session)
    useMatrixSessionStore.getState().sessionEnded()
  }
}
