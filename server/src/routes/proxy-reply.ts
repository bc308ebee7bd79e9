import type { FastifyReply } from 'fastify'
import type { UpstreamAnswer } from '../registry/registry-client.ts'

/** Relays a registry answer: its status and JSON body, none of its headers; never cached by the browser. */
export function sendUpstream(reply: FastifyReply, answer: UpstreamAnswer) {
  return reply
    .code(answer.status)
    .header('Cache-Control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(answer.body)
}

/** The registry cannot route ids with these characters in a path segment (registry-db.md). */
export function isUnroutable(nodeId: string): boolean {
  return /[/?#%]/.test(nodeId)
}
