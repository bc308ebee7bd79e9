import type { MatrixClient, Store } from 'matrix-js-sdk'
import type { MatrixSession } from './matrix-session.ts'

type Sdk = typeof import('matrix-js-sdk')

type Account = Pick<MatrixSession, 'homeserverUrl' | 'userId'>

/** The SDK names its database `matrix-js-sdk:<dbName>`: one per account and homeserver on this browser. */
const dbNameOf = (a: Account) => `node-console:${a.homeserverUrl.replace(/\/+$/, '')}|${a.userId}`
const SDK_DB_PREFIX = 'matrix-js-sdk:'

function indexedDbOrNull(): IDBFactory | null {
  try {
    return 'indexedDB' in globalThis ? globalThis.indexedDB : null
  } catch {
    // Blocked by privacy settings: the chat works without a cache.
    return null
  }
}

/**
 * Builds the client on the SDK's IndexedDB store, so a reload or a re-opened panel shows the last timeline
 * from the saved sync at once and then catches up; on a memory store where IndexedDB is missing or fails.
 * The SDK wants the store attached to its client before `startup()`: hence the builder.
 */
export async function createClientWithStore(
  sdk: Sdk,
  session: MatrixSession,
  build: (store: Store) => MatrixClient,
): Promise<{ client: MatrixClient; dispose: () => void }> {
  const indexedDB = indexedDbOrNull()
  if (indexedDB) {
    const store = new sdk.IndexedDBStore({
      indexedDB,
      dbName: dbNameOf(session),
      localStorage: globalThis.localStorage,
    })
    const client = build(store)
    try {
      await store.startup()
      return { client, dispose: keepSavedOnHide(store) }
    } catch {
      // A broken or full database must not keep the chat closed.
      void forgetMatrixCache(session)
    }
  }
  const store = new sdk.MemoryStore({ localStorage: globalThis.localStorage })
  return { client: build(store), dispose: () => undefined }
}

/**
 * The SDK saves the sync at most every five minutes: save when the page is hidden or left as well, so the
 * next load starts from where this one ended.
 */
function keepSavedOnHide(store: InstanceType<Sdk['IndexedDBStore']>): () => void {
  const save = () => {
    // A client only warmed (never started) has no sync token and nothing newer than what it read: writing
    // that back could replace a newer sync saved by another tab.
    if (document.visibilityState === 'hidden' && store.getSyncToken() !== null)
      store.save(true).catch(() => undefined)
  }
  document.addEventListener('visibilitychange', save)
  window.addEventListener('pagehide', save)
  return () => {
    document.removeEventListener('visibilitychange', save)
    window.removeEventListener('pagehide', save)
  }
}

/** Deletes the saved sync of an account (signing out, a revoked token): nothing of the room stays behind. */
export function forgetMatrixCache(account: Account): Promise<void> {
  const indexedDB = indexedDbOrNull()
  if (!indexedDB) return Promise.resolve()
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(SDK_DB_PREFIX + dbNameOf(account))
    req.onsuccess = req.onerror = req.onblocked = () => resolve()
  })
}
