/**
 * MSW handlers for every registry route under `baseUrl`, answered by a fleet simulator. The same set serves
 * the browser demo, Vitest (`setupServer`) and Playwright. Faults are switched on the simulator.
 */
import { http, HttpResponse, type HttpResponseResolver } from 'msw'
import type { FleetSimulator, RegisterBody } from './fleet-simulator-api.ts'
import { formatRegistryTime, parseQueryTime } from './registry-time.ts'

const ROLES = ['production', 'development', 'backup', 'worker']
const TYPES = ['router', 'gateway', 'worker', 'orchestrator']
const DEFAULT_HISTORY_SPAN_MS = 30 * 86_400_000

function notFound(nodeId: string) {
  return HttpResponse.json({ detail: `Node not found: ${nodeId}` }, { status: 404 })
}

/** FastAPI's 422: `{"detail": [{type, loc, msg, input}]}`. */
function unprocessable(loc: (string | number)[], msg: string, input: unknown) {
  return HttpResponse.json({ detail: [{ type: 'value_error', loc, msg, input }] }, { status: 422 })
}

type IntResult = { ok: true; value: number } | { ok: false; response: Response }

function intParam(url: URL, name: string, fallback: number, min: number, max: number): IntResult {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return { ok: true, value: fallback }
  const n = Number(raw)
  if (!Number.isInteger(n))
    return { ok: false, response: unprocessable(['query', name], 'Input should be a valid integer', raw) }
  if (n < min || n > max)
    return {
      ok: false,
      response: unprocessable(['query', name], `Input should be between ${min} and ${max}`, raw),
    }
  return { ok: true, value: n }
}

type TimeResult = { ok: true; value: number } | { ok: false; response: Response }

function timeParam(url: URL, name: string, fallback: number): TimeResult {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return { ok: true, value: fallback }
  const ms = parseQueryTime(raw)
  if (ms === null)
    return { ok: false, response: unprocessable(['query', name], 'Input should be a valid datetime', raw) }
  return { ok: true, value: ms }
}

/**
 * Wraps a route with the simulator's fault switch. A timeout hangs until the client aborts, or until the
 * fault is switched off (then the request fails as a network error, as a dropped connection would).
 */
function withFaults(
  sim: FleetSimulator,
  hanging: Set<() => void>,
  resolver: HttpResponseResolver,
): HttpResponseResolver {
  return (info) => {
    switch (sim.fault) {
      case 'down':
        return HttpResponse.error()
      case 'http500':
        return HttpResponse.json({ detail: 'Internal Server Error' }, { status: 500 })
      case 'malformed':
        return new HttpResponse('{"nodes": [', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        })
      case 'timeout':
        return new Promise<Response>((resolve) => {
          const release = () => {
            hanging.delete(release)
            resolve(HttpResponse.error())
          }
          hanging.add(release)
          info.request.signal.addEventListener('abort', release, { once: true })
        })
      case 'none':
        return resolver(info)
    }
  }
}

function objectBody(body: unknown): Record<string, unknown> | null {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : null
}

const optionalString = (v: unknown) => (typeof v === 'string' ? v : undefined)

/** MSW handlers for the registry at `baseUrl` (no trailing slash), answered by `sim`. */
export function registryHandlers(sim: FleetSimulator, baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, '')
  const hanging = new Set<() => void>()
  sim.subscribe(() => {
    if (sim.fault !== 'timeout') for (const release of [...hanging]) release()
  })
  const route = (resolver: HttpResponseResolver) => withFaults(sim, hanging, resolver)

  return [
    http.get(
      `${base}/api/v1/nodes`,
      route(({ request }) => {
        const url = new URL(request.url)
        const limit = intParam(url, 'limit', 100, 1, 1000)
        if (!limit.ok) return limit.response
        const offset = intParam(url, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
        if (!offset.ok) return offset.response
        const nodes = sim.listNodes({
          role: url.searchParams.get('role') ?? undefined,
          status: url.searchParams.get('status') ?? undefined,
          limit: limit.value,
          offset: offset.value,
        })
        // `total` is the length of this page, not the table's count: the service's quirk.
        return HttpResponse.json({ nodes, total: nodes.length })
      }),
    ),

    http.post(
      `${base}/api/v1/nodes/register`,
      route(async ({ request }) => {
        const body = objectBody(await request.json().catch(() => null))
        if (!body) return unprocessable(['body'], 'Input should be a valid dictionary', null)
        if (typeof body.node_role !== 'string' || !ROLES.includes(body.node_role))
          return unprocessable(['body', 'node_role'], `Input should be ${ROLES.join(', ')}`, body.node_role)
        if (typeof body.node_type !== 'string' || !TYPES.includes(body.node_type))
          return unprocessable(['body', 'node_type'], `Input should be ${TYPES.join(', ')}`, body.node_type)
        const caps = objectBody(body.capabilities)
        const req: RegisterBody = {
          node_name: optionalString(body.node_name),
          node_role: body.node_role,
          node_type: body.node_type,
          hostname: optionalString(body.hostname),
          ip_address: optionalString(body.ip_address),
          local_ip: optionalString(body.local_ip),
          capabilities: caps ?? undefined,
        }
        return HttpResponse.json(sim.register(req))
      }),
    ),

    http.post(
      `${base}/api/v1/nodes/heartbeat`,
      route(async ({ request }) => {
        const body = objectBody(await request.json().catch(() => null))
        if (!body || typeof body.node_id !== 'string')
          return unprocessable(['body', 'node_id'], 'Field required', body?.node_id ?? null)
        const ok = sim.heartbeat({
          node_id: body.node_id,
          status: optionalString(body.status),
          metrics: body.metrics,
        })
        if (!ok) return notFound(body.node_id)
        return HttpResponse.json({
          success: true,
          node_id: body.node_id,
          timestamp: formatRegistryTime(sim.now(), 'naive'),
          message: 'Heartbeat received',
        })
      }),
    ),

    http.get(
      `${base}/api/v1/nodes/:nodeId/profile`,
      route(({ params }) => {
        const nodeId = String(params.nodeId)
        const answer = sim.getProfile(nodeId)
        if (answer.kind === 'not-found') return notFound(nodeId)
        if (answer.kind === 'error500')
          // The real 500 carries raw SQL; the client must never render it as anything but text.
          return HttpResponse.json(
            {
              detail:
                '(psycopg2.errors.UndefinedColumn) column node_profiles.llm_config does not exist\n[SQL: SELECT node_profiles.id, node_profiles.node_id, node_profiles.llm_config FROM node_profiles WHERE node_profiles.node_id = %(node_id_1)s]',
            },
            { status: 500 },
          )
        return HttpResponse.json(answer.profile)
      }),
    ),

    http.get(
      `${base}/api/v1/nodes/:nodeId/heartbeats`,
      route(({ request, params }) => {
        // FastAPI's answer for a route it does not have.
        if (!sim.historyRoute) return HttpResponse.json({ detail: 'Not Found' }, { status: 404 })
        const nodeId = String(params.nodeId)
        const url = new URL(request.url)
        const until = timeParam(url, 'until', sim.now())
        if (!until.ok) return until.response
        const since = timeParam(url, 'since', until.value - DEFAULT_HISTORY_SPAN_MS)
        if (!since.ok) return since.response
        const bucketRaw = url.searchParams.get('bucket')
        if (bucketRaw !== null && bucketRaw !== '') {
          const bucket = intParam(url, 'bucket', 60, 1, 30 * 86_400)
          if (!bucket.ok) return bucket.response
          const buckets = sim.buckets(nodeId, {
            since: since.value,
            until: until.value,
            bucketSeconds: bucket.value,
          })
          if (!buckets) return notFound(nodeId)
          return HttpResponse.json({ node_id: nodeId, bucket_seconds: bucket.value, buckets })
        }
        const limit = intParam(url, 'limit', 1000, 1, 10_000)
        if (!limit.ok) return limit.response
        const rows = sim.heartbeats(nodeId, { since: since.value, until: until.value, limit: limit.value })
        if (!rows) return notFound(nodeId)
        return HttpResponse.json({ node_id: nodeId, heartbeats: rows, total: rows.length })
      }),
    ),

    http.get(
      `${base}/api/v1/nodes/:nodeId`,
      route(({ params }) => {
        const nodeId = String(params.nodeId)
        const node = sim.getNode(nodeId)
        return node ? HttpResponse.json(node) : notFound(nodeId)
      }),
    ),

    http.get(
      `${base}/health`,
      route(() => HttpResponse.json(sim.health())),
    ),

    http.get(
      `${base}/metrics`,
      route(() => HttpResponse.json(sim.metrics())),
    ),

    // Anything else under the registry is FastAPI's 404 (e.g. the README's `POST /nodes/{id}/heartbeat`).
    http.all(
      `${base}/*`,
      route(() => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })),
    ),
  ]
}
