import type { FastifyInstance } from 'fastify'
import { fromDatabase } from '../db/db-errors.ts'
import { nodeByNodeId } from '../db/nodes-repo.ts'
import { nodeJson } from '../db/rows.ts'
import { notFound } from '../http/problem.ts'
import { isUnroutable, sendUpstream } from './proxy-reply.ts'
import type { RouteContext } from './route-context.ts'

/**
 * `GET /api/v1/nodes/{id}`: the registry's node; an id the registry cannot route is read from the database
 * (the columns both schemas have; `metadata` is not one of them).
 */
export function nodeRoute(app: FastifyInstance, ctx: RouteContext) {
  app.get<{ Params: { id: string } }>('/api/v1/nodes/:id', async (request, reply) => {
    const { id } = request.params
    if (!isUnroutable(id))
      return sendUpstream(reply, await ctx.registry.get(`/api/v1/nodes/${encodeURIComponent(id)}`))
    const sql = ctx.sql
    if (!sql)
      throw notFound(
        `Node not found: ${id} (the registry cannot look up this id and no database is configured)`,
      )
    const row = await fromDatabase(() => nodeByNodeId(sql, id))
    if (!row) throw notFound(`Node not found: ${id}`)
    return reply.header('Cache-Control', 'no-store').send({ ...nodeJson(row), metadata: {} })
  })
}
