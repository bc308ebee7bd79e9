import type { Config } from '../config/config.ts'
import type { Sql } from '../db/database.ts'
import type { RegistryClient } from '../registry/registry-client.ts'
import type { ClosedHistoryCache } from '../services/closed-history-cache.ts'
import type { EventHub } from '../services/event-hub.ts'
import type { HealthCheck } from '../services/health-service.ts'

/** What the routes are given by the composition root (`app.ts`): they create nothing themselves. */
export interface RouteContext {
  config: Config
  version: string
  /** The registry's database, read-only; null when none is configured. */
  sql: Sql | null
  registry: RegistryClient
  /** The history that can no longer change, kept in memory; null without a database. */
  historyCache: ClosedHistoryCache | null
  /** The live stream's hub; null without a database. */
  events: EventHub | null
  /** Further parts `/healthz` reports (e.g. the incident bot), by name. */
  healthChecks: Record<string, HealthCheck>
  now: () => number
}
