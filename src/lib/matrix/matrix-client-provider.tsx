import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import type { ClientEvent, MatrixClient, SyncState } from 'matrix-js-sdk'
import { acquireMatrixClient } from './matrix-client.ts'
import { forgetMatrixCache } from './matrix-store.ts'
import type { MatrixSession } from './matrix-session.ts'
import { useMatrixSessionStore } from './matrix-session-store.ts'
import { connectionFromSync, type ConnectionState } from './connection-state.ts'
import { useTypedEventEmitter } from './use-typed-event-emitter.ts'

interface MatrixContextValue {
  /** The started client of this tab, or null while signed out or while the SDK loads. */
  client: MatrixClient | null
  session: MatrixSession | null
  connection: ConnectionState
  /** Set when creating the client failed (SDK chunk failed to load, bad homeserver URL). */
  startError: Error | null
}

const MatrixContext = createContext<MatrixContextValue | null>(null)

/** One homeserver written two ways (`https://hs/` and `https://hs`). */
export function sameHomeserver(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '')
}

/**
 * Binds the tab's Matrix client (`matrix-client.ts`) to React: starts it when a session exists and exposes it
 * with the connection state. Unmounting does not stop the client (the side panel and the full page share it);
 * only logout does.
 *
 * A session kept for another homeserver than `homeserverUrl` (the configuration changed, or the demo's
 * session outlived a switch to a real server) is never started: it is forgotten, and the login says why.
 */
export function MatrixClientProvider({
  homeserverUrl,
  children,
}: {
  homeserverUrl: string
  children: ReactNode
}) {
  const kept = useMatrixSessionStore((s) => s.session)
  const foreign = kept !== null && !sameHomeserver(kept.homeserverUrl, homeserverUrl)
  const session = foreign ? null : kept
  useEffect(() => {
    if (!foreign) return
    void forgetMatrixCache(kept)
    useMatrixSessionStore.getState().sessionEnded('other-homeserver')
  }, [foreign, kept])
  const [loaded, setLoaded] = useState<{
    session: MatrixSession
    client: MatrixClient | null
    error: Error | null
  } | null>(null)

  useEffect(() => {
    if (!session) return
    let cancelled = false
    acquireMatrixClient(session).then(
      (client) => {
        if (!cancelled) setLoaded({ session, client, error: null })
      },
      (error: unknown) => {
        if (!cancelled)
          setLoaded({
            session,
            client: null,
            error: error instanceof Error ? error : new Error(String(error)),
          })
      },
    )
    return () => {
      cancelled = true
    }
  }, [session])

  // A client belongs to the session it was made for; after logout or a new login it is not shown.
  const current = loaded && loaded.session === session ? loaded : null
  const client = current?.client ?? null
  const connection = useConnectionState(client)
  const value: MatrixContextValue = {
    client,
    session,
    connection: session ? connection : { kind: 'stopped' },
    startError: current?.error ?? null,
  }
  return <MatrixContext value={value}>{children}</MatrixContext>
}

// The enum's value spelled out: a type-only SDK import keeps the SDK out of this module's chunk.
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- 'sync' is ClientEvent.Sync's value
const SYNC_EVENT = 'sync' as ClientEvent.Sync

function useConnectionState(client: MatrixClient | null): ConnectionState {
  const [state, setState] = useState<{ client: MatrixClient | null; value: ConnectionState }>({
    client: null,
    value: { kind: 'connecting' },
  })
  useTypedEventEmitter(client, SYNC_EVENT, (syncState: SyncState, _prev, data) => {
    const { error, fromCache } = (data ?? {}) as { error?: Error; fromCache?: boolean }
    setState({ client, value: connectionFromSync(syncState, Date.now(), error, fromCache) })
  })
  if (!client) return { kind: 'connecting' }
  if (state.client === client) return state.value
  // First render with this client: read its current state (it may already be syncing).
  const data = client.getSyncStateData()
  return connectionFromSync(client.getSyncState(), null, data?.error, data?.fromCache)
}

/** Everything the provider knows: client (or null), session, connection state. Throws outside the provider. */
export function useMatrixContext(): MatrixContextValue {
  const v = useContext(MatrixContext)
  if (!v) throw new Error('useMatrixContext must be used inside <MatrixClientProvider>')
  return v
}

/**
 * The tab's started Matrix client. Throws outside `MatrixClientProvider` or before the client exists, so a
 * component that needs it is only rendered once signed in (see `useOptionalMatrixClient` for the others).
 */
export function useMatrixClient(): MatrixClient {
  const { client } = useMatrixContext()
  if (!client) throw new Error('useMatrixClient: no Matrix client yet (not signed in, or still starting)')
  return client
}

/** The client when signed in and started, else null; for hooks that run either way (presence). */
export function useOptionalMatrixClient(): MatrixClient | null {
  return useMatrixContext().client
}

/** The connection to the homeserver, for the always-visible status line. */
export function useMatrixConnection(): ConnectionState {
  return useMatrixContext().connection
}
