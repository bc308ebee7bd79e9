import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import postgres from 'postgres'

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
  /** The last 50 requests' paths with the query, oldest first (to say which poll it was, should one come). */
  recent: string[]
}

interface NodeRow {
  id: string
  node_id: string
  node_name: string
  node_role: string
  node_type: string
  hostname: string | null
  ip_address: string | null
  local_ip: string | null
  status: string | null
  last_heartbeat: Date | null
  registered_at: Date | null
  updated_at: Date | null
  node_metadata: unknown
  roles: string[] | null
  gpu: unknown
  modules: unknown
  version: string | null
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function nodeJson(r: NodeRow) {
  return {
    id: r.id,
    node_id: r.node_id,
    node_name: r.node_name,
    node_role: r.node_role,
    node_type: r.node_type,
    hostname: r.hostname,
    ip_address: r.ip_address,
    local_ip: r.local_ip,
    status: r.status,
    last_heartbeat: iso(r.last_heartbeat),
    registered_at: iso(r.registered_at),
    updated_at: iso(r.updated_at),
    metadata: r.node_metadata ?? {},
  }
}

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
      const one = /^\/api\/v1\/nodes\/([^/]+)(\/profile)?$/.exec(path)
      if (path === '/api/v1/nodes' || one) counts.nodes += 1
      else counts.other += 1
      try {
        if (path === '/api/v1/nodes') {
          const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 100)))
          const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0))
          const rows = await sql<
            NodeRow[]
          >`SELECT * FROM nodes ORDER BY node_id LIMIT ${limit} OFFSET ${offset}`
          send(res, 200, { nodes: rows.map(nodeJson), total: rows.length })
          return
        }
        if (one) {
          const id = decodeURIComponent(one[1] ?? '')
          const [row] = await sql<NodeRow[]>`SELECT * FROM nodes WHERE node_id = ${id}`
          if (!row) {
            send(res, 404, { detail: `Node not found: ${id}` })
            return
          }
          if (!one[2]) {
            send(res, 200, nodeJson(row))
            return
          }
          send(res, 200, {
            node_id: row.node_id,
            name: row.node_name,
            role: row.node_role,
            type: row.node_type,
            ip_address: row.ip_address,
            hostname: row.hostname,
            status: row.status,
            roles: row.roles ?? [],
            gpu: row.gpu ?? null,
            modules: row.modules ?? [],
            version: row.version,
            vpn_ip: null,
          })
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
