import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import negotiate from '@fastify/accept-negotiator'

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

export type Encoding = 'br' | 'gzip'

/** Below this a body goes as it is (as @fastify/compress's threshold). */
const THRESHOLD = 1024

/** The encoding to send a body of `size` bytes in, for a request's `Accept-Encoding`; null for none. */
export function chooseEncoding(acceptEncoding: string | undefined, size: number): Encoding | null {
  if (!acceptEncoding || size < THRESHOLD) return null
  // gzip first: on JSON like the fleet list brotli at a speed fit for every poll saves ~1 %, and its
  // encoder holds several times the memory.
  return negotiate(acceptEncoding, ['gzip', 'br'] as Encoding[])
}

const compressed = new WeakMap<object, Map<Encoding, Promise<Buffer>>>()

/**
 * `body` compressed once per `owner` (an answer every tab shares): ten tabs polling a 900 KB list cost one
 * compression, not ten, and the server holds one encoder's buffers at a time instead of one per request.
 * Brotli at quality 4, as @fastify/compress uses for what it compresses on the fly.
 */
export function compressOnce(owner: object, body: string, encoding: Encoding): Promise<Buffer> {
  let byEncoding = compressed.get(owner)
  if (!byEncoding) compressed.set(owner, (byEncoding = new Map<Encoding, Promise<Buffer>>()))
  let pending = byEncoding.get(encoding)
  if (!pending) {
    pending =
      encoding === 'br' ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : gzipped(body)
    byEncoding.set(encoding, pending)
  }
  return pending
}
