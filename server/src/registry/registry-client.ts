import { Problem } from '../http/problem.ts'

/** An answer of the registry, kept as the bytes it sent: the proxy relays it, it does not rewrite it. */
export interface UpstreamAnswer {
  status: number
  body: string
}

export interface RegistryClientOptions {
  baseUrl: string
  authorization?: string | undefined
  timeoutMs: number
  /** How long an answer is shared; concurrent identical requests share one upstream call regardless. */
  cacheMs: number
  /** A longer sharing time for some paths (the app asks for `/health` only every 30 s). */
  cacheMsFor?: (pathAndQuery: string) => number
  maxEntries?: number
  now?: () => number
  fetch?: typeof fetch
}

export interface RegistryClient {
  readonly baseUrl: string
  /** GET `pathAndQuery` (starting with `/`) from the registry; 502 Problem when it cannot answer. */
  get(pathAndQuery: string): Promise<UpstreamAnswer>
  /** Upstream calls made so far (for the bench and tests). */
  readonly calls: number
}

/**
 * The registry's HTTP transport for every tab at once: one upstream call per distinct URL per `cacheMs`, and
 * requests that arrive while one is in flight wait for it, so ten tabs polling cost the registry what one
 * costs. The upstream `Authorization` is added here and nowhere else; nothing from the browser's request is
 * forwarded.
 */
export function createRegistryClient(opts: RegistryClientOptions): RegistryClient {
  const now = opts.now ?? Date.now
  const doFetch = opts.fetch ?? fetch
  const maxEntries = opts.maxEntries ?? 1_000
  const cache = new Map<string, { at: number; answer: UpstreamAnswer }>()
  const inFlight = new Map<string, Promise<UpstreamAnswer>>()
  let calls = 0

  async function call(pathAndQuery: string): Promise<UpstreamAnswer> {
    calls++
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (opts.authorization) headers.Authorization = opts.authorization
    let res: Response
    let body: string
    try {
      res = await doFetch(`${opts.baseUrl}${pathAndQuery}`, {
        headers,
        signal: AbortSignal.timeout(opts.timeoutMs),
        redirect: 'error',
      })
      body = await res.text()
    } catch (e) {
      throw new Problem(502, `The registry cannot be reached: ${upstreamReason(e, opts.timeoutMs)}.`)
    }
    if (!isJson(body))
      throw new Problem(502, `The registry answered HTTP ${res.status} with something that is not JSON.`)
    return { status: res.status, body }
  }

  const ttl = opts.cacheMsFor ?? (() => opts.cacheMs)

  function remember(key: string, answer: UpstreamAnswer) {
    // Server errors are not kept: the next poll asks again.
    if (ttl(key) <= 0 || answer.status >= 500) return
    cache.delete(key)
    cache.set(key, { at: now(), answer })
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string)
  }

  return {
    baseUrl: opts.baseUrl,
    get calls() {
      return calls
    },
    get(pathAndQuery) {
      const hit = cache.get(pathAndQuery)
      if (hit && now() - hit.at < ttl(pathAndQuery)) return Promise.resolve(hit.answer)
      if (hit) cache.delete(pathAndQuery)
      const pending = inFlight.get(pathAndQuery)
      if (pending) return pending
      const started = call(pathAndQuery)
        .then((answer) => {
          remember(pathAndQuery, answer)
          return answer
        })
        .finally(() => inFlight.delete(pathAndQuery))
      inFlight.set(pathAndQuery, started)
      return started
    },
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** Why a fetch failed, in words (no URL, no header: the message reaches the browser). */
export function upstreamReason(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; cause?: { code?: string } }
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${timeoutMs} ms`
  const code = err.cause?.code
  if (code === 'ECONNREFUSED') return 'connection refused'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found'
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was closed'
  return code ? `network error (${code})` : 'network error'
}
