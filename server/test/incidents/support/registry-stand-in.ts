import { createServer, type Server } from 'node:http'

export interface StandInNode {
  id: string
  role?: string
  type?: string
  services?: string[]
}

/**
 * A registry over HTTP for the bot's integration tests, on the real clock: an alive node's last heartbeat is
 * always "now", a stopped node's stays where it stopped. `kill()` closes the port (connection refused, as a
 * dead registry does) and `revive()` opens it again on the same port. 127.0.0.1 only, a free port.
 */
export async function startRegistryStandIn(nodes: StandInNode[]) {
  const stoppedAt = new Map<string, number>()
  let server: Server | null = null
  let port = 0
  let served = 0
  // During an outage no beat gets in: each node's last beat stays at the kill until its first beat after
  // the revival, one interval later, as with the real registry.
  let outage: { from: number; until: number } | null = null
  const lastBeat = (id: string) => {
    const now = Date.now()
    const stopped = stoppedAt.get(id)
    if (outage && now < outage.until) return Math.min(stopped ?? now, outage.from)
    return stopped ?? now
  }
  const listen = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const s = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1')
        if (url.pathname !== '/api/v1/nodes') {
          res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"detail":"Not Found"}')
          return
        }
        served += 1
        const limit = Number(url.searchParams.get('limit') ?? 100)
        const offset = Number(url.searchParams.get('offset') ?? 0)
        const page = nodes.slice(offset, offset + limit).map((n) => ({
          node_id: n.id,
          node_name: n.id,
          node_role: n.role ?? 'worker',
          node_type: n.type ?? 'worker',
          status: 'online',
          // Naive UTC, as the registry writes it.
          last_heartbeat: new Date(lastBeat(n.id)).toISOString().replace('Z', ''),
          metadata: { capabilities: { services: n.services ?? [] } },
        }))
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ nodes: page, total: page.length }))
      })
      s.listen(port, '127.0.0.1', () => {
        const a = s.address()
        if (a && typeof a === 'object') port = a.port
        server = s
        resolve()
      })
    })
  const close = () =>
    new Promise<void>((resolve) => {
      const s = server
      server = null
      if (!s) {
        resolve()
        return
      }
      s.closeAllConnections()
      s.close(() => resolve())
    })
  await listen()
  return {
    url: () => `http://127.0.0.1:${port}`,
    stop: (id: string) => stoppedAt.set(id, Date.now()),
    start: (id: string) => stoppedAt.delete(id),
    /** List requests answered so far: a test waits for the bot's polls by this, not by the clock. */
    served: () => served,
    kill: async () => {
      outage = { from: Date.now(), until: Number.POSITIVE_INFINITY }
      await close()
    },
    revive: async (firstBeatAfterMs = 1_500) => {
      if (outage) outage.until = Date.now() + firstBeatAfterMs
      await listen()
    },
    close,
  }
}
