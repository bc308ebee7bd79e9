import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** What the global set-up hands to the server spec (a file per E2E_PORT, so parallel runs keep apart). */
export interface ServerState {
  /** The console server, serving the built app: `http://127.0.0.1:<port>`. */
  serverUrl: string
  /** The registry stand-in the server proxies to (its `/__stand-in/requests` counts node requests). */
  standInUrl: string
  /** The registry database as its owner (the specs write rows with it; the server reads as `console_reader`). */
  adminUrl: string
  /** The PostgreSQL cluster's folder, for `scripts/postgres.sh stop` (the DB-down test stops it early). */
  pgDir: string
  /** The console server's PID. */
  serverPid: number
}

export const serverStatePath = () =>
  join(tmpdir(), `node-console-e2e-server-${process.env.E2E_PORT ?? '4180'}.json`)

export function readServerState(): ServerState {
  try {
    return JSON.parse(readFileSync(serverStatePath(), 'utf8')) as ServerState
  } catch {
    throw new Error(
      `No console server for the server spec (${serverStatePath()} missing): run it through Playwright's ` +
        'global set-up, which starts PostgreSQL, the registry stand-in and the server.',
    )
  }
}
