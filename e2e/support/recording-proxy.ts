import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A pass-through proxy in front of the homeserver that notes every presence PUT it forwards. The browser's
 * write on close (a keepalive fetch from a page being torn down) never shows up in Playwright's request
 * events, so the only reliable witness is on the wire.
 */
export interface RecordingProxy {
  url: string
  /** `presence` of every `PUT /presence/{user}/status` forwarded, in order. */
  presenceWrites: string[]
  close: () => Promise<void>
}

export async function startRecordingProxy(upstreamUrl: string): Promise<RecordingProxy> {
  const upstream = new URL(upstreamUrl)
  const presenceWrites: string[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      if (req.method === 'PUT' && /\/_matrix\/client\/v3\/presence\/[^/]+\/status$/.test(req.url ?? '')) {
        try {
          presenceWrites.push(String((JSON.parse(body.toString('utf8')) as { presence?: unknown }).presence))
        } catch {
          presenceWrites.push('?')
        }
      }
      const headers = { ...req.headers, host: upstream.host }
      // One upstream connection per request (`agent: false`): a pooled keep-alive connection that the
      // homeserver closes just as it is reused fails the request with ECONNRESET, and the proxy would answer
      // 502 for a request the app sent correctly.
      const out = request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: { ...headers, connection: 'close' },
          agent: false,
        },
        (up) => {
          // The upstream's `connection: close` is about the proxy's own connection, not the browser's.
          const upHeaders = { ...up.headers }
          delete upHeaders.connection
          res.writeHead(up.statusCode ?? 502, upHeaders)
          up.pipe(res)
        },
      )
      out.on('error', () => {
        res.writeHead(502)
        res.end()
      })
      out.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    presenceWrites,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
