import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import postgres from 'postgres'
import { buildServer, serverArgs } from '../../../scripts/server-build.mjs'
import { specsInRun } from '../synapse-global-setup.ts'
import { startRegistryStandIn } from './registry-stand-in.ts'
import { serverStatePath, type ServerState } from './server-state.ts'

const root = process.cwd()
const postgresSh = join(root, 'scripts/postgres.sh')

/**
 * For the server spec (`e2e/server*.spec.ts`) only: a throwaway PostgreSQL with the registry's schema (A) and
 * the console's read-only role, the registry stand-in reading it, and the console server (`server/`) serving
 * the built `dist/` with both, all on 127.0.0.1. Returns the teardown, which stops each by its handle or PID.
 */
export default async function serverGlobalSetup() {
  if (process.env.E2E_SERVER === '0' || (process.env.E2E_SERVER !== '1' && !specsInRun(/server/))) return
  if (!existsSync(join(root, 'dist/index.html')))
    throw new Error('The server spec serves dist/: build it first')
  const out = execFileSync('bash', [postgresSh, 'start'], { encoding: 'utf8' })
  const pgDir = /PG_DIR=(.*)/.exec(out)?.[1] ?? ''
  const base = new URL(/PG_URL=(.*)/.exec(out)?.[1] ?? '')
  const stopPostgres = () => execFileSync('bash', [postgresSh, 'stop', pgDir], { stdio: 'inherit' })
  const at = (db: string, user = 'postgres', password = '') => {
    const u = new URL(base.href)
    u.pathname = `/${db}`
    u.username = user
    u.password = password
    return u.href
  }
  let standIn: Awaited<ReturnType<typeof startRegistryStandIn>> | null = null
  try {
    const admin = postgres(base.href, { onnotice: () => {} })
    await admin.unsafe('CREATE DATABASE registry')
    await admin.end()
    const sql = postgres(at('registry'), { onnotice: () => {} })
    const fixture = (name: string) => readFileSync(join(root, 'server/test/fixtures', name), 'utf8')
    await sql.unsafe(fixture('schema-a.sql'))
    await sql.unsafe(fixture('reader-role.sql'))
    await sql.end()
    standIn = await startRegistryStandIn(at('registry'))
    const server = await startConsoleServer({
      REGISTRY_URL: standIn.url,
      REGISTRY_DATABASE_URL: at('registry', 'console_reader', 'reader'),
    })
    const state: ServerState = {
      serverUrl: server.url,
      standInUrl: standIn.url,
      adminUrl: at('registry'),
      pgDir,
      serverPid: server.pid,
    }
    writeFileSync(serverStatePath(), JSON.stringify(state, null, 2))
    const stand = standIn
    return async () => {
      process.kill(server.pid, 'SIGTERM')
      await stand.close()
      stopPostgres()
      rmSync(serverStatePath(), { force: true })
    }
  } catch (e) {
    await standIn?.close()
    stopPostgres()
    throw e
  }
}

/**
 * Builds the server and starts it as `npm run serve` does (scripts/server-build.mjs) on a free port; resolves
 * with its address once it says it listens.
 */
async function startConsoleServer(env: Record<string, string>): Promise<{ url: string; pid: number }> {
  await buildServer()
  const child = spawn(process.execPath, serverArgs(), {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DIST_DIR: join(root, 'dist'), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(new Error(`The console server did not start in 30 s:\n${text}`))
    }, 30_000)
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8')
      const url = /Node Console on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1]
      if (url && child.pid !== undefined) {
        clearTimeout(timer)
        // Keep draining its output, or a full pipe would stall it.
        child.stdout.resume()
        resolve({ url, pid: child.pid })
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The console server exited (${code}):\n${text}`))
    })
  })
}
