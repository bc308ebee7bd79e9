import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import postgres from 'postgres'
import { nodeJson, NodeRowSchema, profileJson } from '../../../server/src/db/rows.ts'

/**
 * A stand-in for the node registry that reads the same PostgreSQL the console server reads (schema A of
 * registry-db.md): the list, one node, its profile and `/health`, shaped as registry-api.md §1 says. It counts
 * the requests it gets by route (`GET /__stand-in/requests`), so a spec can prove a beat reached the page
 * through the server's push stream and not through a registry poll. 127.0.0.1, a free port.
 */
export interface RegistryStandIn {
  url: string
  close(): Promise<void>
}

/** A request counter's answer: node routes (list, one node, profile) and the rest. */
export interface StandInRequests {
  nodes: number
  other: number
  /** The last 50 requests, each as its arrival time and path with the query, oldest first (to say which poll it was, should one come). */
  recent: string[]
}

/** A `SELECT *` row of schema A: the columns both schemas have, and those only the registry's own has. */
type NodeRecord = Record<string, unknown> & {
  node_metadata: unknown
  roles: string[] | null
  gpu: unknown
  modules: unknown
  version: string | null
}

// The console server's own row shapes: the stand-in answers as the registry, so as the server reads it.
const nodeOf = (r: NodeRecord) => ({ ...nodeJson(NodeRowSchema.parse(r)), metadata: r.node_metadata ?? {} })

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

export async function startRegistryStandIn(databaseUrl: string): Promise<RegistryStandIn> {
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} })
  const counts: StandInRequests = { nodes: 0, other: 0, recent: [] }
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://stand-in')
      const path = url.pathname
      if (path === '/__stand-in/requests') {
        send(res, 200, counts)
        return
      }
      counts.recent = [...counts.recent.slice(-49), `${new Date().toISOString()} ${path}${url.search}`]
      const one = /^\/api\/v1\/nodes\/([^/]+)(\/profile)?$/.exec(path)
      if (path === '/api/v1/nodes' || one) counts.nodes += 1
      else counts.other += 1
      try {
        if (path === '/api/v1/nodes') {
          const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 100)))
          const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0))
          const rows = await sql<
            NodeRecord[]
          >`SELECT * FROM nodes ORDER BY node_id LIMIT ${limit} OFFSET ${offset}`
          send(res, 200, { nodes: rows.map(nodeOf), total: rows.length })
          return
        }
        if (one) {
          const id = decodeURIComponent(one[1] ?? '')
          const [row] = await sql<NodeRecord[]>`SELECT * FROM nodes WHERE node_id = ${id}`
          if (!row) {
            send(res, 404, { detail: `Node not found: ${id}` })
            return
          }
          if (!one[2]) {
            send(res, 200, nodeOf(row))
            return
          }
          const { roles, gpu, modules, version } = row
          send(res, 200, profileJson(NodeRowSchema.parse(row), { roles, gpu, modules, version }))
          return
        }
        if (path === '/health') {
          const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM nodes`
          send(res, 200, {
            status: 'healthy',
            service: 'registry-stand-in',
            version: 'e2e',
            environment: 'test',
            uptime_seconds: 1,
            timestamp: new Date().toISOString(),
            database: { type: 'postgresql', connected: true },
            network_stats: { total_nodes: n, online_nodes: n, offline_nodes: 0, uptime_percentage: 100 },
          })
          return
        }
        send(res, 404, { detail: 'Not Found' })
        return
      } catch (e) {
        // The database is down: the registry's own answer then is a 500.
        send(res, 500, { detail: (e as Error).message })
        return
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await sql.end({ timeout: 1 })
    },
  }
}
