import type { FastifyInstance } from 'fastify'
import { appConfigJson } from '../config/app-config.ts'
import type { RouteContext } from './route-context.ts'

/** `GET /config.json`: the app's runtime configuration, written from the server's own. */
export function appConfigRoute(app: FastifyInstance, ctx: RouteContext) {
  const body = JSON.stringify(appConfigJson(ctx.config, { events: ctx.events !== null }))
  app.get('/config.json', (_request, reply) =>
    reply.header('Cache-Control', 'no-cache').type('application/json; charset=utf-8').send(body),
  )
}
