/**
 * The one way the app reads JSON over HTTP: a timeout, typed failures a user can be told about, and no
 * trust in the body (callers validate it with zod).
 */
export type HttpErrorKind = 'network' | 'timeout' | 'http' | 'parse'

export class HttpError extends Error {
  readonly kind: HttpErrorKind
  readonly status: number | undefined
  /** The server's `detail` text when it sent one (FastAPI errors are `{"detail": ...}`). */
  readonly detail: string | undefined

  constructor(kind: HttpErrorKind, message: string, status?: number, detail?: string) {
    super(message)
    this.name = 'HttpError'
    this.kind = kind
    this.status = status
    this.detail = detail
  }
}

export interface FetchJsonOptions {
  headers?: Record<string, string>
  timeoutMs?: number
  signal?: AbortSignal | undefined
  method?: string
  body?: unknown
}

function detailOf(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && 'detail' in body) {
    const d = body.detail
    if (typeof d === 'string') return d.slice(0, 300)
    try {
      return JSON.stringify(d).slice(0, 300)
    } catch {
      return undefined
    }
  }
  return undefined
}

export async function fetchJson(url: string, opts: FetchJsonOptions = {}): Promise<unknown> {
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 10_000)
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout
  let res: Response
  try {
    res = await fetch(url, {
      method: opts.method ?? 'GET',
      headers: {
        Accept: 'application/json',
        ...(opts.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...opts.headers,
      },
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      signal,
    })
  } catch (e) {
    if (opts.signal?.aborted) throw e
    if (timeout.aborted) throw new HttpError('timeout', `Timed out: ${url}`)
    throw new HttpError('network', `Network error: ${url}`)
  }
  const text = await res.text().catch(() => '')
  let body: unknown = undefined
  let parsed = true
  try {
    body = text === '' ? null : JSON.parse(text)
  } catch {
    parsed = false
  }
  if (!res.ok) throw new HttpError('http', `HTTP ${res.status}: ${url}`, res.status, detailOf(body))
  if (!parsed) throw new HttpError('parse', `Malformed JSON from ${url}`, res.status)
  return body
}
