// The bench's web server, in its own process: the built app served by the console server's own static routes
// (server/src/routes/static-app.ts) with its compression, so what the bench measures is what a deployment
// sends: hashed files under /assets/ cached for a year, pages revalidated. (`vite preview` revalidates every
// chunk on every load, so a reload paid a round trip per chunk that no deployment pays.) Not its API nor its
// CSP: the bench drives the demo fleet in the page. Usage: node static-server.mjs <dir> <port> [config JSON]
// (served as /config.json: a route in the page would turn the browser's HTTP cache off).
import compress from '@fastify/compress'
import Fastify from 'fastify'
import { staticAppRoutes } from '../../server/src/routes/static-app.ts'

const [dir, port, config] = process.argv.slice(2)
const app = Fastify({ logger: false })
await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] })
if (config !== undefined) {
  const json = JSON.parse(config)
  app.get('/config.json', (_request, reply) => reply.header('Cache-Control', 'no-cache').send(json))
}
await staticAppRoutes(app, dir)
await app.listen({ host: '127.0.0.1', port: Number(port) })
for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, () => void app.close().then(() => process.exit(0)))
