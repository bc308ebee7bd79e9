import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in for the matrix-gateway's presence endpoint, as the contract describes it:
 * `POST /internal/matrix/presence/online` with `{matrix_user_id, access_token, status, status_msg?}` →
 * PUT to the homeserver with that token; 200 `{ok, matrix_user_id, status}`; any homeserver error wrapped
 * in a 500 `{detail: {message, matrix_status, matrix_body}}`; 503 when the homeserver cannot be reached.
 * Listens on 127.0.0.1 (random port) and answers CORS, because the app calls it from another origin.
 */
export interface GatewayStandIn {
  url: string
  /** Every presence request it received, in order. */
  received: { matrix_user_id: string; status: string; status_msg?: string }[]
  close: () => Promise<void>
}

const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '600',
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { ...cors, 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>
}

export async function startGatewayStandIn(homeserverUrl: string): Promise<GatewayStandIn> {
  const received: GatewayStandIn['received'] = []
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors)
        res.end()
        return
      }
      if (req.method !== 'POST' || req.url !== '/internal/matrix/presence/online') {
        send(res, 404, { detail: 'Not Found' })
        return
      }
      const body = await readJson(req)
      const userId = String(body.matrix_user_id)
      const status = String(body.status)
      const statusMsg = typeof body.status_msg === 'string' ? body.status_msg : undefined
      received.push({
        matrix_user_id: userId,
        status,
        ...(statusMsg === undefined ? {} : { status_msg: statusMsg }),
      })
      let upstream: Response
      try {
        upstream = await fetch(
          `${homeserverUrl}/_matrix/client/v3/presence/${encodeURIComponent(userId)}/status`,
          {
            method: 'PUT',
            headers: {
              Authorization: `Bearer ${String(body.access_token)}`,
              'Content-Type': 'application/json',
            },
            body: JSON.stringify({
              presence: status,
              ...(statusMsg === undefined ? {} : { status_msg: statusMsg }),
            }),
          },
        )
      } catch {
        send(res, 503, { detail: 'Matrix unavailable' })
        return
      }
      if (upstream.ok) {
        send(res, 200, { ok: true, matrix_user_id: userId, status })
        return
      }
      const text = await upstream.text()
      let matrixBody: unknown = text
      try {
        matrixBody = JSON.parse(text)
      } catch {
        // Keep the text.
      }
      send(res, 500, {
        detail: {
          message: 'Matrix presence update failed',
          matrix_status: upstream.status,
          matrix_body: matrixBody,
        },
      })
    })().catch(() => {
      send(res, 500, { detail: 'gateway stand-in failed' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
