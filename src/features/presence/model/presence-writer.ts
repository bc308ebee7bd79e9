import type { Clock } from './clock.ts'
import type { PresenceState } from './presence-machine.ts'
import { writeFailureOf, type PresenceTransport } from './presence-transport.ts'

/**
 * Writes the user's presence so that the server keeps it, and as rarely as possible:
 * - only when the desired state differs from what was last written; the latest desired state wins;
 * - never two writes closer than `minIntervalMs` (Synapse's `rc_presence` allows 1 per 10 s per user,
 *   shared by all tabs and devices), and never before a 429's `retry_after_ms` has passed;
 * - the sync presence is set immediately before each write, so the next `/sync` cannot undo it;
 * - the user's status message is read and sent back (a write without it clears it).
 *
 * The writer owns no timer: it says when it next needs to run (`nextWakeAt`) and the caller calls `pump`.
 */
export interface PresenceWriter {
  /** The state the user should have; null when this tab must not write (it is not the leader). */
  want(state: PresenceState | null): void
  /** Writes now if a write is due and allowed. */
  pump(): void
  /** When `pump` must run again, or null when nothing is pending. */
  nextWakeAt(): number | null
  /**
   * The page is going away: writes `offline` at once with `keepalive`, unless offline is already written or
   * on its way (a hidden page already sent it), or the server would refuse it (a 429 said so, or a write
   * went out less than `serverWindowMs` ago: the page cannot wait for the limit to pass). Returns whether
   * it wrote.
   */
  writeOnClose(): boolean
  /** Another tab wrote: share its memory so spacing and "write only on change" hold across tabs. */
  noteRemoteWrite(state: PresenceState, at: number): void
  /** Another tab was told to wait (429). */
  noteRemoteBlock(until: number): void
  /**
   * The server is known to hold `state` without a write from us: a client's `/sync` sets presence too (a
   * tab that starts syncing makes the user online). Does not count as a write for the spacing.
   */
  assume(state: PresenceState): void
  memory(): WriterMemory
  stats(): WriterStats
}

export interface WriterMemory {
  /** What the server was last told, or null when unknown (nothing written yet, or the last write failed). */
  lastWritten: PresenceState | null
  lastWriteAt: number
  /** No write before this time (429 or a failure's back-off). */
  notBefore: number
  /** The server refuses writes until then (a 429's `retry_after_ms`); the write on close respects only this. */
  blockedUntil: number
}

export interface WriterStats {
  /** Presence PUTs sent (successful or not). */
  writes: number
  /** Of those, answered 429. */
  rateLimited: number
  /** The token was refused (401): the writer has stopped. */
  unauthorized: boolean
}

export interface PresenceWriterOptions {
  clock: Clock
  transport: PresenceTransport
  /** Spacing between writes; a little over Synapse's 10 s so network jitter cannot bring two closer. */
  minIntervalMs?: number
  /**
   * The server's own spacing (Synapse's default `rc_presence`: 0.1 per second, burst 1, shared by every tab
   * and device of the user). A write on close inside it would only be refused.
   */
  serverWindowMs?: number
  /** First back-off after a network or server failure; doubles up to `maxBackoffMs`. */
  backoffMs?: number
  maxBackoffMs?: number
  /** A write was sent (to tell the other tabs). */
  onWrite?: (state: PresenceState, at: number) => void
  /** A 429 asked to wait until `until` (to tell the other tabs). */
  onBlocked?: (until: number) => void
  /** A write finished: the caller re-plans its timer. */
  onSettled?: () => void
}

export const PRESENCE_MIN_INTERVAL_MS = 10_500
export const PRESENCE_SERVER_WINDOW_MS = 10_000

export function createPresenceWriter(opts: PresenceWriterOptions): PresenceWriter {
  const { clock, transport } = opts
  const minIntervalMs = opts.minIntervalMs ?? PRESENCE_MIN_INTERVAL_MS
  const serverWindowMs = opts.serverWindowMs ?? Math.min(minIntervalMs, PRESENCE_SERVER_WINDOW_MS)
  const backoffMs = opts.backoffMs ?? 15_000
  const maxBackoffMs = opts.maxBackoffMs ?? 300_000

  let desired: PresenceState | null = null
  let lastWritten: PresenceState | null = null
  let lastWriteAt = Number.NEGATIVE_INFINITY
  let notBefore = Number.NEGATIVE_INFINITY
  let blockedUntil = Number.NEGATIVE_INFINITY
  let inflight: PresenceState | null = null
  let busy = false
  let failures = 0
  const stats: WriterStats = { writes: 0, rateLimited: 0, unauthorized: false }

  const pending = () => !stats.unauthorized && desired !== null && desired !== lastWritten
  const dueAt = () => Math.max(lastWriteAt + minIntervalMs, notBefore)

  function send(state: PresenceState, statusMsg: string | undefined, keepAlive: boolean) {
    // Order matters: the sync presence first, or a /sync between the write and the next sync-presence
    // change would put the user back online.
    transport.setSyncPresence(state)
    const at = clock.now()
    lastWritten = state
    lastWriteAt = at
    inflight = state
    stats.writes += 1
    opts.onWrite?.(state, at)
    return transport.write(state, statusMsg, { keepAlive }).then(
      () => {
        failures = 0
      },
      (err: unknown) => {
        // The server did not take it, but the sync presence already says `state` and the request may have
        // reached the server before failing: what the server holds is unknown. Unknown (not "what it was
        // before") keeps the retry going and, above all, never skips the write on close: a failed `online`
        // must not pass for an `offline` already written.
        if (lastWritten === state) lastWritten = null
        const f = writeFailureOf(err)
        if (f.kind === 'rate-limited') {
          stats.rateLimited += 1
          blockedUntil = Math.max(blockedUntil, clock.now() + Math.max(f.retryAfterMs, 0))
          notBefore = Math.max(notBefore, blockedUntil)
          opts.onBlocked?.(blockedUntil)
        } else if (f.kind === 'unauthorized') {
          stats.unauthorized = true
        } else {
          notBefore = clock.now() + Math.min(backoffMs * 2 ** failures, maxBackoffMs)
          failures += 1
        }
      },
    )
  }

  async function writeDesired() {
    busy = true
    try {
      let statusMsg: string | undefined
      try {
        statusMsg = await transport.readStatusMessage()
      } catch {
        statusMsg = transport.knownStatusMessage()
      }
      // The user may have changed their mind while the status message was read: the latest state wins.
      const state = desired
      if (state === null || state === lastWritten || stats.unauthorized) return
      await send(state, statusMsg, state === 'offline')
    } finally {
      busy = false
      inflight = null
      opts.onSettled?.()
    }
  }

  return {
    want(state) {
      desired = state
    },
    pump() {
      if (busy || !pending() || clock.now() < dueAt()) return
      void writeDesired()
    },
    nextWakeAt() {
      if (busy || !pending()) return null
      return dueAt()
    },
    writeOnClose() {
      if (stats.unauthorized) return false
      if (lastWritten === 'offline' || inflight === 'offline') return false
      // The server would answer 429: the server's own timeout (the tab stops syncing) takes over. A mere
      // back-off after a network failure does not stop it: this is the last chance to say offline.
      if (clock.now() < blockedUntil) return false
      // Inside the server's window a PUT is refused and a /sync cannot say offline (`set_presence=offline`
      // leaves presence untouched): the server's sync timeout is all that is left, so send nothing.
      if (clock.now() < lastWriteAt + serverWindowMs) return false
      desired = 'offline'
      // No time to read the status message: send back the one already known.
      void send('offline', transport.knownStatusMessage(), true)
      return true
    },
    noteRemoteWrite(state, at) {
      lastWritten = state
      lastWriteAt = Math.max(lastWriteAt, at)
    },
    assume(state) {
      lastWritten = state
    },
    noteRemoteBlock(until) {
      blockedUntil = Math.max(blockedUntil, until)
      notBefore = Math.max(notBefore, until)
    },
    memory: () => ({ lastWritten, lastWriteAt, notBefore, blockedUntil }),
    stats: () => ({ ...stats }),
  }
}
