// `npm run serve`: builds the app into dist/ when it is missing or older than its sources, bundles the console
// server (scripts/server-build.mjs) and starts it. Configuration: README.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildServer, serverArgs } from './server-build.mjs'

const root = resolve(import.meta.dirname, '..')
const distDir = resolve(root, process.env.DIST_DIR ?? 'dist')
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json']

function newest(path) {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  let max = s.mtimeMs
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)))
  return max
}

const built = existsSync(join(distDir, 'index.html')) ? statSync(join(distDir, 'index.html')).mtimeMs : 0
if (built < Math.max(...SOURCES.map((p) => newest(join(root, p))))) {
  console.log(`serve: building the app into ${distDir}`)
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', distDir], {
    cwd: root,
    stdio: 'inherit',
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

try {
  await buildServer()
} catch (e) {
  // Without dev dependencies (`npm ci --omit=dev`) there is no bundler: the bundle built before still runs.
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !existsSync(serverArgs().at(-1))) throw e
  console.log('serve: no bundler installed; starting the server built before (server/dist)')
}
const child = spawn(process.execPath, serverArgs(), {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DIST_DIR: distDir },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
