import type { FastifyInstance } from 'fastify'
import { sendUpstream } from './proxy-reply.ts'
import type { RouteContext } from './route-context.ts'

const FORWARDED = ['role', 'status', 'limit', 'offset'] as const

/** `GET /api/v1/nodes`: the registry's list, through the shared cache; only the list's own parameters pass. */
export function nodesListRoute(app: FastifyInstance, ctx: RouteContext) {
  app.get<{ Querystring: Record<string, unknown> }>('/api/v1/nodes', async (request, reply) => {
    const params = new URLSearchParams()
    for (const name of FORWARDED) {
      const v = request.query[name]
      if (typeof v === 'string') params.set(name, v)
    }
    const q = params.toString()
    return sendUpstream(reply, await ctx.registry.get(`/api/v1/nodes${q ? `?${q}` : ''}`))
  })
}
