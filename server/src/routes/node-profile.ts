import type { FastifyInstance } from 'fastify'
import { fromDatabase } from '../db/db-errors.ts'
import { nodeByNodeId } from '../db/nodes-repo.ts'
import { profileJson } from '../db/rows.ts'
import { notFound } from '../http/problem.ts'
import { isUnroutable, sendUpstream } from './proxy-reply.ts'
import type { RouteContext } from './route-context.ts'

/**
 * `GET /api/v1/nodes/{id}/profile`: the registry's profile; for an id it cannot route, a minimal profile from
 * the database (roles, GPU, modules and version are not columns both schemas have).
 */
export function nodeProfileRoute(app: FastifyInstance, ctx: RouteContext) {
  app.get<{ Params: { id: string } }>('/api/v1/nodes/:id/profile', async (request, reply) => {
    const { id } = request.params
    if (!isUnroutable(id))
      return sendUpstream(reply, await ctx.registry.get(`/api/v1/nodes/${encodeURIComponent(id)}/profile`))
    const sql = ctx.sql
    const row = sql ? await fromDatabase(() => nodeByNodeId(sql, id)) : null
    if (!row) throw notFound(`Node not found: ${id}`)
    return reply.header('Cache-Control', 'no-store').send(profileJson(row))
  })
}
