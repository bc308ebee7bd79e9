import type { LeaderLock } from './leader-lock.ts'

/**
 * Runs `work` only while this process holds the leader lock: tries it every `retryMs` (so a standby takes
 * over within that long of the holder's death), and aborts the work the moment the lock's connection dies.
 * Without a lock (no database configured) the work simply runs: one instance is assumed.
 */
export async function runAsLeader(opts: {
  lock: LeaderLock | null
  retryMs: number
  signal: AbortSignal
  log: (line: string) => void
  work: (signal: AbortSignal) => Promise<void>
}): Promise<void> {
  const { lock, signal, log } = opts
  if (!lock) {
    await opts.work(signal)
    return
  }
  let current: AbortController | null = null
  lock.onLost(() => {
    log('lost the leader lock (database connection ended): standing by')
    current?.abort()
  })
  let waiting = false
  while (!signal.aborted) {
    let held = false
    try {
      held = await lock.tryAcquire()
    } catch (e) {
      log(`leader lock unavailable (retrying): ${String(e)}`)
    }
    if (held) {
      waiting = false
      log('holding the leader lock: watching the fleet')
      const controller = new AbortController()
      current = controller
      const stop = () => controller.abort()
      signal.addEventListener('abort', stop)
      try {
        await opts.work(controller.signal)
      } catch (e) {
        log(`watcher stopped: ${String(e)}`)
      } finally {
        signal.removeEventListener('abort', stop)
        current = null
      }
      // The work ended without losing the lock (an error): let a standby have a turn.
      await lock.release()
    } else if (!waiting) {
      waiting = true
      log('another instance holds the leader lock: standing by')
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, opts.retryMs)
      signal.addEventListener('abort', () => {
        clearTimeout(t)
        resolve()
      })
    })
  }
  await lock.release()
}
