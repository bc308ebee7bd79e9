import postgres from 'postgres'

/** The registry's database, read-only: the pool the routes and jobs share. */
export type Sql = postgres.Sql

export interface DatabaseOptions {
  url: string
  statementTimeoutMs: number
  /** Pool size; a few connections serve every tab (the stream reads once per second for all). */
  max?: number
}

/**
 * A pool on the registry's database that cannot write: every transaction is read-only
 * (`default_transaction_read_only`), and a statement that runs longer than the timeout is cancelled by
 * PostgreSQL itself. The session time zone is left as the server has it: the queries do not depend on it.
 */
export function openDatabase(opts: DatabaseOptions): Sql {
  return postgres(opts.url, {
    max: opts.max ?? 6,
    connect_timeout: Math.max(1, Math.ceil(opts.statementTimeoutMs / 1000)),
    idle_timeout: 60,
    prepare: true,
    onnotice: () => {},
    connection: {
      application_name: 'node-console',
      default_transaction_read_only: true,
      statement_timeout: opts.statementTimeoutMs,
      // Plan each history query for its own node and window: a generic plan cannot tell a 24-hour window
      // from a 30-day one and may walk the whole "timestamp" index filtering by node.
      plan_cache_mode: 'force_custom_plan',
    },
  })
}
