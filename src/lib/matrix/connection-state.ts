/** What the chat shows about its link to the homeserver. */
export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'live' }
  /** The last sync failed; the SDK polls again (2-7 s later); `nextRetryAt` is the latest it will. */
  | { kind: 'reconnecting'; nextRetryAt: number | null }
  /** The server is unreachable or refused; the SDK keeps polling every 5-10 s (or "retry now"). */
  | { kind: 'error'; message: string; nextRetryAt: number | null }
  | { kind: 'stopped' }

/**
 * Maps a sync state change to what the user sees. The SDK does not expose its retry timers, so the next
 * try is the upper bound of its documented delays (keep-alive after a failed sync: 2-7 s; after a failed
 * keep-alive: 5-10 s).
 */
export function connectionFromSync(
  state: string | null,
  /** When the state changed; null when unknown (then no next-try time is shown). */
  now: number | null,
  error?: { message?: string } | null,
  /** The state comes from the saved sync: the timeline is shown, the server has not answered yet. */
  fromCache = false,
): ConnectionState {
  switch (state) {
    case 'PREPARED':
      return fromCache ? { kind: 'connecting' } : { kind: 'live' }
    case 'SYNCING':
      return { kind: 'live' }
    case 'RECONNECTING':
      return { kind: 'reconnecting', nextRetryAt: now === null ? null : now + 7000 }
    case 'CATCHUP':
      return { kind: 'reconnecting', nextRetryAt: now }
    case 'ERROR':
      return { kind: 'error', message: error?.message ?? '', nextRetryAt: now === null ? null : now + 10_000 }
    case 'STOPPED':
      return { kind: 'stopped' }
    default:
      return { kind: 'connecting' }
  }
}
