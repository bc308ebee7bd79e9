import pg from 'pg'

/**
 * Who watches, when several servers share one room: the holder of a session-level PostgreSQL advisory lock
 * on the registry's database. A read-only role may take it, and PostgreSQL releases it the moment the
 * holder's connection ends, so a dead holder never blocks its standby for long.
 */
export interface LeaderLock {
  /** Tries once; true when this process holds the lock now. */
  tryAcquire(): Promise<boolean>
  /** Called once when a held lock is lost (the connection died): stop watching at once. */
  onLost(listener: () => void): void
  release(): Promise<void>
}

/** One key for "the incident bot" in the project's space of advisory locks (two int4 halves). */
export const BOT_LOCK_KEY: readonly [number, number] = [0x4e43, 0x1b07]

export function createPgAdvisoryLock(databaseUrl: string, key = BOT_LOCK_KEY): LeaderLock {
  let client: pg.Client | null = null
  let held = false
  const listeners: (() => void)[] = []
  const lost = () => {
    const was = held
    held = false
    client = null
    if (was) for (const l of listeners) l()
  }
  return {
    async tryAcquire() {
      if (held) return true
      if (!client) {
        // A dedicated connection: the lock lives as long as this session, never in a pool.
        const c = new pg.Client({
          connectionString: databaseUrl,
          keepAlive: true,
          connectionTimeoutMillis: 5_000,
        })
        c.on('error', lost)
        c.on('end', lost)
        try {
          await c.connect()
        } catch (e) {
          c.removeAllListeners()
          throw e
        }
        client = c
      }
      const r = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [
        ...key,
      ])
      held = r.rows[0]?.locked === true
      return held
    },
    onLost(listener) {
      listeners.push(listener)
    },
    async release() {
      const c = client
      held = false
      client = null
      if (c) {
        c.removeAllListeners()
        c.on('error', () => undefined)
        await c.end().catch(() => undefined)
      }
    },
  }
}
