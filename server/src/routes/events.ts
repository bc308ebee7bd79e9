import type { FastifyInstance } from 'fastify'
import { FastifySSEPlugin } from 'fastify-sse-v2'
import type { RouteContext } from './route-context.ts'

/**
 * `GET /api/v1/events` (Server-Sent Events): every tab is one client of the hub, which reads the database once
 * a second for all of them. `Last-Event-ID` resumes; a client that stops reading is disconnected by the hub.
 */
export async function eventsRoute(app: FastifyInstance, ctx: RouteContext) {
  const hub = ctx.events
  if (!hub) return
  await app.register(FastifySSEPlugin, { retryDelay: 3000 })
  app.get('/api/v1/events', (request, reply) => {
    const lastEventId = request.headers['last-event-id']
    const client = hub.subscribe(typeof lastEventId === 'string' ? lastEventId : undefined, () => {
      request.log.warn('event stream: a client stopped reading and was disconnected')
      reply.raw.destroy()
    })
    request.raw.on('close', () => hub.unsubscribe(client))
    // Proxies such as nginx buffer responses unless told not to.
    reply.header('X-Accel-Buffering', 'no')
    reply.sse(client)
  })
}
