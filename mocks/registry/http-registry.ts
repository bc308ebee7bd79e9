/**
 * The fleet simulator as a real HTTP registry on 127.0.0.1: the same MSW handlers as the browser demo and
 * Vitest, answered through `getResponse`, so the console server's proxy, the incident bot and their tests
 * talk HTTP to it exactly as to the real service. Unhandled paths get FastAPI's 404.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse } from 'msw'
import { createFleetSimulator, type FleetSimulator, type FleetSimulatorOptions } from './fleet-simulator.ts'
import { registryHandlers } from './registry-handlers.ts'

export interface HttpRegistry {
  sim: FleetSimulator
  /** e.g. `http://127.0.0.1:43125` (no trailing slash). */
  url: string
  /** Requests received, by path without the query (for tests and the bench). */
  requests: Map<string, number>
  /** The `Authorization` header of the last request (the console server adds its configured one). */
  readonly lastAuthorization: string | undefined
  close(): Promise<void>
}

export async function startHttpRegistry(
  options: FleetSimulatorOptions & { port?: number; sim?: FleetSimulator } = {},
): Promise<HttpRegistry> {
  const sim = options.sim ?? createFleetSimulator(options)
  const requests = new Map<string, number>()
  let lastAuthorization: string | undefined
  let handlers: ReturnType<typeof registryHandlers> = []
  const server = createServer((req, res) => void answer(req, res))

  async function answer(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', baseUrl)
    requests.set(url.pathname, (requests.get(url.pathname) ?? 0) + 1)
    lastAuthorization = req.headers.authorization
    const abort = new AbortController()
    res.on('close', () => abort.abort())
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const request = new Request(url, {
      method: req.method ?? 'GET',
      headers,
      body: hasBody ? Buffer.concat(chunks) : null,
      signal: abort.signal,
    })
    try {
      const response =
        (await getResponse(handlers, request)) ?? Response.json({ detail: 'Not Found' }, { status: 404 })
      if (response.type === 'error') {
        res.destroy()
        return
      }
      const body = Buffer.from(await response.arrayBuffer())
      res.writeHead(response.status, Object.fromEntries(response.headers))
      res.end(body)
    } catch {
      res.destroy()
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  handlers = registryHandlers(sim, baseUrl)
  return {
    sim,
    url: baseUrl,
    requests,
    get lastAuthorization() {
      return lastAuthorization
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
