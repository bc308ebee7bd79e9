import type { PresenceClient } from '../api/presence-client.ts'

interface StandInOptions {
  userId?: string
  accessToken?: string
  /** The user's own presence as the sync delivered it; null when the sync has not brought it yet. */
  synced?: { statusMsg?: string } | null
  /** What `GET /presence/{userId}/status` answers. */
  serverStatusMsg?: string
  /** Rejects the next PUT with this error. */
  failWith?: Error
}

/** A Matrix client stand-in for presence tests: records calls in order, as `name:arg`. */
export function createStandInClient(opts: StandInOptions = {}) {
  const calls: string[] = []
  const bodies: unknown[] = []
  const userId = opts.userId ?? '@alice:test'
  let failWith = opts.failWith
  const take = () => {
    const f = failWith
    failWith = undefined
    return f
  }
  const client = {
    getUserId: () => userId,
    getAccessToken: () => opts.accessToken ?? 'token-alice',
    setSyncPresence: (p?: string) => {
      calls.push(`setSyncPresence:${p ?? ''}`)
      return Promise.resolve()
    },
    setPresence: (body: { presence: string; status_msg?: string }) => {
      calls.push(`setPresence:${body.presence}`)
      bodies.push(body)
      const f = take()
      return f === undefined ? Promise.resolve() : Promise.reject(f)
    },
    getPresence: (who: string) => {
      calls.push(`getPresence:${who}`)
      return Promise.resolve({ presence: 'online', status_msg: opts.serverStatusMsg })
    },
    getUser: (who: string) =>
      opts.synced && who === userId
        ? { events: { presence: {} }, presenceStatusMsg: opts.synced.statusMsg }
        : null,
    http: {
      authedRequest: (
        method: string,
        path: string,
        _q: unknown,
        body: unknown,
        o?: { keepAlive?: boolean },
      ) => {
        calls.push(`authedRequest:${method} ${path} keepAlive=${String(o?.keepAlive)}`)
        bodies.push(body)
        const f = take()
        return f === undefined ? Promise.resolve({}) : Promise.reject(f)
      },
    },
  }
  return { client: client as unknown as PresenceClient, calls, bodies }
}
