// The console server as it is deployed: its TypeScript (and the app's shared modules it imports) bundled by
// Rolldown into server/dist/ (gitignored; packages stay in node_modules), run by plain Node with a small young
// generation. `npm run serve`, `npm run build`, the e2e set-up and the bench all start it this way.
// Plain JavaScript spares the type-stripping compiler Node would otherwise keep loaded in the server.
import { rename, rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(import.meta.dirname, '..')
/** Two levels below the root, as server/src/, so `../../package.json` still resolves from the bundle. */
export const SERVER_DIST = resolve(root, 'server/dist')

/**
 * V8's young generation: semi-spaces of 2 MB instead of up to 16 MB. The server's garbage is short-lived
 * (requests, stream frames), so a smaller nursery is collected more often at little cost and the heap the
 * process holds stays far smaller under load.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2']

const isPackage = (id) => !/^(\.|\/|@\/|@mocks\/|\0)/.test(id) && !/^[A-Za-z]:/.test(id)

/** Bundles server/src/main.ts (and its lazily loaded chunks) into server/dist/, replacing what was there. */
export async function buildServer() {
  // Imported here: a deployment installed without dev dependencies can still run a bundle built before.
  const { rolldown } = await import('rolldown')
  const temp = `${SERVER_DIST}.tmp-${process.pid}`
  const bundle = await rolldown({
    input: { main: resolve(root, 'server/src/main.ts') },
    platform: 'node',
    external: isPackage,
    resolve: { alias: { '@': resolve(root, 'src'), '@mocks': resolve(root, 'mocks') } },
    logLevel: 'warn',
  })
  try {
    await bundle.write({
      dir: temp,
      format: 'esm',
      entryFileNames: '[name].mjs',
      chunkFileNames: '[name]-[hash].mjs',
    })
  } finally {
    await bundle.close()
  }
  // Swapped in whole, so a server starting meanwhile never loads half of one build and half of another.
  await rm(SERVER_DIST, { recursive: true, force: true })
  await rename(temp, SERVER_DIST)
}

/** The arguments of `node` that run the built server. */
export function serverArgs() {
  return [...SERVER_NODE_FLAGS, resolve(SERVER_DIST, 'main.mjs')]
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer()
  console.log(`server built into ${SERVER_DIST}`)
}
