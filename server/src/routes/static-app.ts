import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Paths the app never handles itself: API misses answer JSON 404, not the page. */
const NOT_THE_APP = /^\/(api|health|healthz|assets)(\/|$)/

/**
 * The built app: hashed files under `/assets/` cached for a year, everything else revalidated, and any other
 * GET that wants HTML (an app route such as `/nodes/…`) answered with `index.html`.
 */
export async function staticAppRoutes(app: FastifyInstance, distDir: string) {
  const root = resolve(distDir)
  const hasApp = existsSync(join(root, 'index.html'))
  if (hasApp)
    await app.register(fastifyStatic, {
      root,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('Cache-Control', path.includes('/assets/') ? IMMUTABLE : 'no-cache')
      },
    })

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !NOT_THE_APP.test(request.url) &&
      (request.headers.accept ?? '').includes('text/html')
    if (wantsPage && hasApp) return reply.header('Cache-Control', 'no-cache').sendFile('index.html')
    return reply.code(404).send({ detail: 'Not Found' })
  })
}

/** The built page, read once at start (its inline scripts are hashed into the CSP). */
export function readIndexHtml(distDir: string): string | null {
  const file = join(resolve(distDir), 'index.html')
  return existsSync(file) ? readFileSync(file, 'utf8') : null
}
