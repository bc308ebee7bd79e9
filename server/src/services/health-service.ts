import type { Sql } from '../db/database.ts'
import { databaseReason } from '../db/db-errors.ts'
import type { RegistryClient } from '../registry/registry-client.ts'
import { Problem } from '../http/problem.ts'

export interface PartHealth {
  ok: boolean
  reason?: string
}
export type HealthCheck = () => Promise<PartHealth>

export function databaseHealth(sql: Sql | null): HealthCheck {
  return async () => {
    if (!sql) return { ok: false, reason: 'no database configured (REGISTRY_DATABASE_URL)' }
    try {
      await sql`SELECT 1 FROM heartbeat_log LIMIT 0`
      return { ok: true }
    } catch (e) {
      return { ok: false, reason: databaseReason(e) }
    }
  }
}

export function registryHealth(registry: RegistryClient): HealthCheck {
  return async () => {
    try {
      const answer = await registry.get('/health')
      return answer.status < 400
        ? { ok: true }
        : { ok: false, reason: `the registry answered HTTP ${answer.status}` }
    } catch (e) {
      return { ok: false, reason: e instanceof Problem ? e.detail : String(e) }
    }
  }
}

/**
 * `/healthz`: the server, its database and the registry (and any part added, such as the bot), each with a
 * reason when down. Degraded when a configured part is down; a database that is not configured (the demo)
 * does not degrade it.
 */
export async function healthReport(opts: {
  version: string
  databaseConfigured: boolean
  checks: Record<string, HealthCheck>
}) {
  const entries = await Promise.all(
    Object.entries(opts.checks).map(
      async ([name, check]) =>
        [name, await check().catch((e: unknown) => ({ ok: false, reason: String(e) }))] as const,
    ),
  )
  const parts = Object.fromEntries(entries) as Record<string, PartHealth>
  const degraded = entries.some(([name, h]) => !h.ok && (name !== 'database' || opts.databaseConfigured))
  return { status: degraded ? 'degraded' : 'ok', server: { ok: true, version: opts.version }, ...parts }
}
