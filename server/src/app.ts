import compress from '@fastify/compress'
import helmet from '@fastify/helmet'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from './config/config.ts'
import type { Sql } from './db/database.ts'
import { cspDirectives } from './http/content-security-policy.ts'
import { Problem } from './http/problem.ts'
import type { RegistryClient } from './registry/registry-client.ts'
import { appConfigRoute } from './routes/app-config.ts'
import { eventsRoute } from './routes/events.ts'
import { healthzRoute } from './routes/healthz.ts'
import { nodeRoute } from './routes/node.ts'
import { nodeHistoryRoute } from './routes/node-history.ts'
import { nodeProfileRoute } from './routes/node-profile.ts'
import { nodesListRoute } from './routes/nodes-list.ts'
import { registryHealthRoute } from './routes/registry-health.ts'
import type { RouteContext } from './routes/route-context.ts'
import { readIndexHtml, staticAppRoutes } from './routes/static-app.ts'

export interface AppParts extends RouteContext {
  logger?: boolean
}

/**
 * The HTTP side, given every dependency (the composition root in `server.ts` makes them): security headers,
 * compression, the API routes, then the app's files. Errors answer `{"detail": …}` like the registry does.
 */
export async function buildApp(parts: AppParts): Promise<FastifyInstance> {
  const { config } = parts
  const app = Fastify({ logger: parts.logger ?? false, trustProxy: true })

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: cspDirectives({
        indexHtml: readIndexHtml(config.distDir),
        homeserverUrl: config.homeserverUrl,
        frameAncestors: config.frameAncestors,
      }),
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Same-origin fetches only; the app is not embedded by other origins' pages.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
    // `frame-ancestors` (from the configuration) decides framing; X-Frame-Options would contradict it.
    xFrameOptions: false,
  })
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] })

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof Problem) return reply.code(error.status).send({ detail: error.detail })
    const status = (error as { statusCode?: number }).statusCode
    if (typeof status === 'number' && status >= 400 && status < 500)
      return reply.code(status).send({ detail: (error as Error).message })
    request.log.error(error)
    return reply.code(500).send({ detail: 'The console server failed; see its log.' })
  })

  healthzRoute(app, parts)
  appConfigRoute(app, parts)
  nodesListRoute(app, parts)
  nodeRoute(app, parts)
  nodeProfileRoute(app, parts)
  nodeHistoryRoute(app, parts)
  registryHealthRoute(app, parts)
  await eventsRoute(app, parts)
  await staticAppRoutes(app, config.distDir)
  return app
}

export type { Config, RegistryClient, Sql }
