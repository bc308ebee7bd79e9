import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { seedRegistry } from './fixtures/seed.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URLs of the two registry databases (schema A and B), for writing test rows. */
    pgAdmin: { a: string; b: string }
    /** The read-only role's URLs, as the console server is configured in production. */
    pgReader: { a: string; b: string }
  }
}

const root = new URL('../../', import.meta.url).pathname
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

/**
 * A throwaway PostgreSQL (scripts/postgres.sh) for the server's tests: schema A and schema B loaded from the
 * contract's DDL, the test fleet seeded, the read-only role granted, and each database's session time zone
 * set far from UTC, so every query must be right whatever the zone.
 */
export default async function setup(project: TestProject) {
  const out = execFileSync('bash', [`${root}scripts/postgres.sh`, 'start'], { encoding: 'utf8' })
  const dir = /PG_DIR=(.*)/.exec(out)?.[1] ?? ''
  const url = new URL(/PG_URL=(.*)/.exec(out)?.[1] ?? '')
  const stop = () => execFileSync('bash', [`${root}scripts/postgres.sh`, 'stop', dir])
  try {
    const admin = postgres(url.href, { onnotice: () => {} })
    for (const db of ['registry_a', 'registry_b']) await admin.unsafe(`CREATE DATABASE ${db}`)
    await admin.end()
    const at = (db: string, user = 'postgres', password = '') => {
      const u = new URL(url.href)
      u.pathname = `/${db}`
      u.username = user
      u.password = password
      return u.href
    }
    for (const [db, ddl] of [
      ['registry_a', 'schema-a.sql'],
      ['registry_b', 'schema-b.sql'],
    ] as const) {
      const sql = postgres(at(db), { onnotice: () => {} })
      await sql.unsafe(fixture(ddl))
      await sql.unsafe(fixture('reader-role.sql'))
      await seedRegistry(sql)
      await sql.unsafe(`ALTER DATABASE ${db} SET timezone TO 'Pacific/Chatham'`)
      await sql.end()
    }
    project.provide('pgAdmin', { a: at('registry_a'), b: at('registry_b') })
    project.provide('pgReader', {
      a: at('registry_a', 'console_reader', 'reader'),
      b: at('registry_b', 'console_reader', 'reader'),
    })
  } catch (e) {
    stop()
    throw e
  }
  return stop
}
