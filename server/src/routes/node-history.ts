import type { FastifyInstance } from 'fastify'
import { parseHistoryParams } from '../services/history-params.ts'
import { nodeHistory } from '../services/history-service.ts'
import { sendUpstream } from './proxy-reply.ts'
import type { RouteContext } from './route-context.ts'

/**
 * `GET /api/v1/nodes/{id}/heartbeats` (registry-api.md §4) from the registry's database. Without a database
 * (the demo) the registry's own route is relayed: a real registry answers 404 and the app says so.
 */
export function nodeHistoryRoute(app: FastifyInstance, ctx: RouteContext) {
  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/api/v1/nodes/:id/heartbeats',
    async (request, reply) => {
      const { id } = request.params
      const params = parseHistoryParams(request.query, ctx.now())
      const sql = ctx.sql
      if (!sql) {
        const q = new URLSearchParams({
          since: params.since.toISOString(),
          until: params.until.toISOString(),
        })
        q.set(params.bucket === null ? 'limit' : 'bucket', String(params.bucket ?? params.limit))
        return sendUpstream(
          reply,
          await ctx.registry.get(`/api/v1/nodes/${encodeURIComponent(id)}/heartbeats?${q.toString()}`),
        )
      }
      return reply
        .header('Cache-Control', 'no-store')
        .send(await nodeHistory(sql, id, params, { cache: ctx.historyCache, now: ctx.now() }))
    },
  )
}
