import type { FastifyReply } from 'fastify'
import { chooseEncoding, compressOnce } from '../http/shared-compression.ts'
import type { UpstreamAnswer } from '../registry/registry-client.ts'

/**
 * Relays a registry answer: its status and JSON body, none of its headers; never cached by the browser. The
 * answer is shared by every tab that asks while it is fresh, and so is its compressed form.
 */
export async function sendUpstream(reply: FastifyReply, answer: UpstreamAnswer) {
  reply
    .code(answer.status)
    .header('Cache-Control', 'no-store')
    .header('Vary', 'Accept-Encoding')
    .type('application/json; charset=utf-8')
  const encoding = chooseEncoding(reply.request.headers['accept-encoding'], answer.body.length)
  if (encoding === null) return reply.send(answer.body)
  return reply.header('Content-Encoding', encoding).send(await compressOnce(answer, answer.body, encoding))
}

/** The registry cannot route ids with these characters in a path segment (registry-db.md). */
export function isUnroutable(nodeId: string): boolean {
  return /[/?#%]/.test(nodeId)
}
