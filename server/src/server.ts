import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.ts'
import type { Config } from './config/config.ts'
import { openDatabase, type Sql } from './db/database.ts'
import type { Job } from './jobs.ts'
import { createRegistryClient, type RegistryClient } from './registry/registry-client.ts'
import {
  createClosedHistoryCache,
  DEFAULT_CACHE_OPTIONS,
  type ClosedHistoryCacheOptions,
} from './services/closed-history-cache.ts'
import { createEventHub, type EventHub, type EventHubOptions } from './services/event-hub.ts'
import type { HealthCheck } from './services/health-service.ts'

export interface ConsoleServer {
  app: FastifyInstance
  config: Config
  /** The registry's database (read-only pool), shared with jobs; null without `REGISTRY_DATABASE_URL`. */
  sql: Sql | null
  registry: RegistryClient
  events: EventHub | null
  jobs: Job[]
  /** The address it listens on, e.g. `http://127.0.0.1:8080`. */
  url: string
  close(): Promise<void>
}

export interface StartOptions {
  /** The registry to proxy when the configuration names none (the demo simulator's URL). */
  registryUrl?: string
  /** More jobs (e.g. the incident bot), started after the server listens, and their health checks. */
  jobs?: (parts: { config: Config; sql: Sql | null; registry: RegistryClient }) => Job[]
  healthChecks?: Record<string, HealthCheck>
  hub?: Partial<EventHubOptions>
  /** The history cache's bounds (tests shrink them); null keeps no history in memory. */
  historyCache?: ClosedHistoryCacheOptions | null
  logger?: boolean
  now?: () => number
}

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version

/**
 * The composition root: makes the database pool, the registry client and the event hub, builds the HTTP
 * app on them, listens, then starts the jobs. `close()` undoes it in reverse order.
 */
export async function startServer(config: Config, opts: StartOptions = {}): Promise<ConsoleServer> {
  const registryUrl = config.registryUrl ?? opts.registryUrl
  if (!registryUrl)
    throw new Error('startServer: no registry URL (configure REGISTRY_URL or start the demo registry)')
  const sql = config.registryDatabaseUrl
    ? openDatabase({ url: config.registryDatabaseUrl, statementTimeoutMs: config.dbStatementTimeoutMs })
    : null
  const cacheMs =
    config.registryCacheMs ?? Math.min(config.heartbeatIntervalSeconds, config.graceSeconds / 2) * 1000
  const registry = createRegistryClient({
    baseUrl: registryUrl,
    authorization: config.registryAuthorization,
    timeoutMs: config.registryTimeoutMs,
    cacheMs,
    // The app asks for the registry's health every 30 s; a fresher answer would cost the registry more.
    cacheMsFor: (path) => (path === '/health' ? Math.max(cacheMs, 30_000) : cacheMs),
  })
  const cacheOptions = opts.historyCache === undefined ? DEFAULT_CACHE_OPTIONS : opts.historyCache
  const historyCache = sql && cacheOptions ? createClosedHistoryCache(cacheOptions) : null
  const events = sql ? createEventHub(sql, { ...opts.hub, log: (m) => console.warn(m) }) : null
  const jobs: Job[] = [
    ...(events ? [{ name: 'event-stream', start: () => events.start(), stop: () => events.stop() }] : []),
    ...(opts.jobs?.({ config, sql, registry }) ?? []),
  ]
  const app = await buildApp({
    config,
    version,
    sql,
    registry,
    historyCache,
    events,
    healthChecks: opts.healthChecks ?? {},
    now: opts.now ?? Date.now,
    logger: opts.logger ?? false,
  })
  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  for (const job of jobs) await job.start()
  return {
    app,
    config,
    sql,
    registry,
    events,
    jobs,
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    async close() {
      for (const job of [...jobs].reverse()) await job.stop()
      await app.close()
      await sql?.end({ timeout: 5 })
    },
  }
}
