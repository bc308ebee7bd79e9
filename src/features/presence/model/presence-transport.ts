import type { PresenceState } from './presence-machine.ts'

/**
 * How presence reaches the homeserver: directly (the default) or through the matrix-gateway. Both set the
 * Matrix client's sync presence, because every `/sync` also sets presence and would otherwise undo a write.
 */
export interface PresenceTransport {
  /** Sets `set_presence` for the client's next `/sync` (not the one in flight). Synchronous on purpose. */
  setSyncPresence(state: PresenceState): void
  /**
   * PUTs the user's presence. `statusMsg` is sent back as it was read, because a write without it clears
   * the user's status message. `keepAlive` survives the page closing (a `fetch` with `keepalive`).
   * Rejects with a {@link PresenceWriteError}.
   */
  write(state: PresenceState, statusMsg: string | undefined, opts: { keepAlive: boolean }): Promise<void>
  /** The user's current status message, or undefined when none is known; cached after the first read. */
  readStatusMessage(): Promise<string | undefined>
  /** The last status message known without a request (for the write on close, which cannot wait). */
  knownStatusMessage(): string | undefined
}

export type PresenceWriteFailure =
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** The access token is not (or no longer) valid: writing again will not help. */
  | { kind: 'unauthorized' }
  /** The network, the gateway or the homeserver failed: try again later. */
  | { kind: 'transient' }

export class PresenceWriteError extends Error {
  readonly failure: PresenceWriteFailure
  constructor(failure: PresenceWriteFailure, message = `presence write failed: ${failure.kind}`) {
    super(message)
    this.name = 'PresenceWriteError'
    this.failure = failure
  }
}

/** Reads the failure of any error a transport threw; unknown errors are transient. */
export function writeFailureOf(err: unknown): PresenceWriteFailure {
  return err instanceof PresenceWriteError ? err.failure : { kind: 'transient' }
}
