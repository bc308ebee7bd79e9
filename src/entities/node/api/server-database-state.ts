import { useSyncExternalStore } from 'react'

/**
 * Whether the console server can read the registry's database, as its push stream reports it: the reason
 * while it cannot, null while it can or while no stream says otherwise. The history queries' own 503s tell
 * the same, but only at their next refresh; the stream tells within a second.
 */
let down: string | null = null
const listeners = new Set<() => void>()

export function serverDatabaseDown(): string | null {
  return down
}

/** Set by the stream's owner (`fleet-stream.ts`) only. */
export function serverDatabaseReported(reason: string | null): void {
  if (reason === down) return
  down = reason
  for (const l of listeners) l()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The reason the server cannot read its database, per its stream; re-renders only when it changes. */
export function useServerDatabaseDown(): string | null {
  return useSyncExternalStore(subscribe, serverDatabaseDown)
}
