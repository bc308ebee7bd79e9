import type { FastifyInstance } from 'fastify'
import { sendUpstream } from './proxy-reply.ts'
import type { RouteContext } from './route-context.ts'

/** `GET /health`: the registry's own health answer, relayed. */
export function registryHealthRoute(app: FastifyInstance, ctx: RouteContext) {
  app.get('/health', async (_request, reply) => sendUpstream(reply, await ctx.registry.get('/health')))
}
