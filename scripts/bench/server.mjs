// Build and serve the app for the benchmark: its own outDir and port, so it never touches dist/ or another
// engineer's server. The harness page is built in only because NODE_CONSOLE_BENCH=1 (see vite.config.ts).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const root = resolve(import.meta.dirname, '../..')
const viteBin = resolve(root, 'node_modules/vite/bin/vite.js')
/** BENCH_OUT_DIR lets two benches share a checkout (each its own build); git ignores dist-bench*. */
export const OUT_DIR = process.env.BENCH_OUT_DIR ?? 'dist-bench'
/** Vite keeps its dependency cache here: the bench's own, apart from any dev server's. */
const BENCH_CACHE_DIR = `node_modules/.vite-${OUT_DIR.replace(/[^\w-]/g, '_')}`

function run(args, env) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [viteBin, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', fail)
    child.on('exit', (code) =>
      code === 0 ? ok(out) : fail(new Error(`vite ${args[0]} exited with ${code}\n${out.slice(-4000)}`)),
    )
  })
}

/** `vite build` into dist-bench/, with the benchmark harness as a second entry. */
export async function buildForBench() {
  await run(['build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], {
    NODE_CONSOLE_BENCH: '1',
    VITE_CACHE_DIR: BENCH_CACHE_DIR,
  })
  if (!existsSync(resolve(root, OUT_DIR, 'index.html')))
    throw new Error(`${OUT_DIR}/index.html was not built`)
  return resolve(root, OUT_DIR)
}

/**
 * Serves the bench build as the console server serves the app (static-server.mjs), with `config` as its
 * `/config.json` if given, and resolves once it answers. Returns `stop()`, which the caller must run in a
 * finally block.
 */
export async function startPreview(port, config) {
  const args = [resolve(import.meta.dirname, 'static-server.mjs'), resolve(root, OUT_DIR), String(port)]
  const child = spawn(process.execPath, config === undefined ? args : [...args, JSON.stringify(config)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  let exited = null
  child.on('exit', (code) => (exited = code))
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (exited !== null) return
    child.kill('SIGTERM')
    for (let i = 0; i < 50 && exited === null; i++) await sleep(100)
    if (exited === null) child.kill('SIGKILL')
  }
  for (let i = 0; i < 300; i++) {
    if (exited !== null) throw new Error(`the bench server exited with ${exited}:\n${log}`)
    try {
      const res = await fetch(`${url}/`)
      if (res.ok) return { url, stop }
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  await stop()
  throw new Error(`the bench server did not answer on ${url} within 30 s:\n${log}`)
}
