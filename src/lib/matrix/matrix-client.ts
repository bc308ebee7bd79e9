import type { MatrixClient } from 'matrix-js-sdk'
import type { MatrixSession } from './matrix-session.ts'
import { useMatrixSessionStore } from './matrix-session-store.ts'
import { sendRetryDelayMs } from './send-retry.ts'

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

/** How many recent events the first sync brings per room; older ones come from back-pagination. */
export const INITIAL_SYNC_LIMIT = 30

interface Current {
  key: string
  promise: Promise<MatrixClient>
  client: MatrixClient | null
}

let current: Current | null = null

const keyOf = (s: MatrixSession) => `${s.homeserverUrl}|${s.userId}|${s.deviceId}|${s.accessToken}`

/**
 * Returns the tab's client for this session, creating and starting it the first time. Calling it again with
 * the same session returns the same client (a remount does not log in or sync afresh); a different session
 * stops the old client first.
 */
export function acquireMatrixClient(session: MatrixSession): Promise<MatrixClient> {
  const key = keyOf(session)
  if (current?.key === key) return current.promise
  stopMatrixClient()
  const entry: Current = { key, promise: createAndStart(session), client: null }
  current = entry
  entry.promise.then(
    (c) => {
      if (current === entry) entry.client = c
      else c.stopClient() // superseded while loading
    },
    () => {
      if (current === entry) current = null
    },
  )
  return entry.promise
}

async function createAndStart(session: MatrixSession): Promise<MatrixClient> {
  const sdk = await import('matrix-js-sdk')
  const client = sdk.createClient({
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
    const soft = (err.data as { soft_logout?: unknown }).soft_logout === true
    useMatrixSessionStore.getState().sessionEnded(soft ? 'soft-logout' : 'unknown-token')
  })
  // Presence stays on: never `disablePresence` (it forces set_presence=offline and defeats setSyncPresence).
  await client.startClient({
    initialSyncLimit: INITIAL_SYNC_LIMIT,
    lazyLoadMembers: true,
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

/** Stops syncing and forgets the client (the session stays stored). */
export function stopMatrixClient(): void {
  const entry = current
  current = null
  entry?.client?.stopClient()
  entry?.client?.removeAllListeners()
}

/**
 * Logs out for real: revokes the access token on the server (`POST /logout`), stops the client and forgets
 * the session. The device id is kept, so the next login reuses the device.
 */
export async function logoutMatrixClient(): Promise<void> {
  const client = current?.client
  try {
    await client?.logout(true)
  } catch {
    // Already revoked or server unreachable: the local session is dropped either way.
  } finally {
    stopMatrixClient()
    useMatrixSessionStore.getState().sessionEnded()
  }
}
