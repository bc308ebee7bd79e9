import type { FastifyInstance } from 'fastify'
import { databaseHealth, healthReport, registryHealth } from '../services/health-service.ts'
import type { RouteContext } from './route-context.ts'

/** `GET /healthz`: always 200 while the server runs; `status` says whether a part is down, and why. */
export function healthzRoute(app: FastifyInstance, ctx: RouteContext) {
  const checks = {
    database: databaseHealth(ctx.sql),
    registry: registryHealth(ctx.registry),
    ...ctx.healthChecks,
  }
  app.get('/healthz', async (_request, reply) =>
    reply
      .header('Cache-Control', 'no-store')
      .send(await healthReport({ version: ctx.version, databaseConfigured: ctx.sql !== null, checks })),
  )
}
