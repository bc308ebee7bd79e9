// The server bench's database: a throwaway PostgreSQL (scripts/postgres.sh) with schema A and generated beats.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import postgres from 'postgres'

const root = resolve(import.meta.dirname, '../..')
export const TARGET_NODE = 'bench-node-1'

/** CPU time (user + system, ms) of the cluster's postmaster and every process it started, ever-increasing. */
function clusterCpu(postmaster) {
  let ticks = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // the process ended meanwhile
    }
    // Fields after the command's closing parenthesis: state, ppid, …, utime, stime, cutime, cstime (11–14).
    // The postmaster's cutime/cstime hold the parallel workers that have ended.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (entry === String(postmaster)) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])
    else if (f[1] === String(postmaster)) ticks += Number(f[11]) + Number(f[12])
  }
  return (ticks * 1000) / 100 // USER_HZ is 100 on Linux
}

/** Starts the cluster and creates `registry` with schema A; returns its URL, a CPU meter and a stop function. */
export async function startBenchDatabase() {
  const out = execFileSync('bash', [resolve(root, 'scripts/postgres.sh'), 'start'], { encoding: 'utf8' })
  const dir = /PG_DIR=(.*)/.exec(out)[1]
  const url = new URL(/PG_URL=(.*)/.exec(out)[1])
  const stop = () => execFileSync('bash', [resolve(root, 'scripts/postgres.sh'), 'stop', dir])
  const admin = postgres(url.href, { onnotice: () => {} })
  await admin`CREATE DATABASE registry`
  await admin.end()
  url.pathname = '/registry'
  const sql = postgres(url.href, { onnotice: () => {} })
  await sql.unsafe(readFileSync(resolve(root, 'server/test/fixtures/schema-a.sql'), 'utf8'))
  const postmaster = Number(readFileSync(`${dir}/data/postmaster.pid`, 'utf8').split('\n')[0])
  return { url: url.href, sql, stop, clusterCpuMs: () => clusterCpu(postmaster) }
}

/**
 * 1,000 nodes beating every 30 s for the last day, written in time order as the registry writes them (so one
 * node's rows are spread over the table, not packed together), and the first node also for the 29 days
 * before: 2,880 rows in its last 24 h, 86,400 in 30 days; 2.97 M rows in all. Generated in SQL.
 */
export async function generateBeats(sql) {
  await sql`INSERT INTO nodes (id, node_id, node_name, node_role, node_type, status, last_heartbeat, registered_at, updated_at)
    SELECT gen_random_uuid(), 'bench-node-' || i, 'bench-node-' || i, 'worker', 'worker', 'online', now(), now() - interval '40 days', now()
    FROM generate_series(1, 1000) AS i`
  // Loaded as a restore would: indexes built once afterwards and the foreign key not checked row by row
  // (the rows reference the nodes just made): far quicker than loading into the indexed table.
  await sql`ALTER TABLE heartbeat_log DROP CONSTRAINT heartbeat_log_pkey`
  await sql`DROP INDEX ix_heartbeat_log_node_id, ix_heartbeat_log_timestamp`
  await sql`ALTER TABLE heartbeat_log DISABLE TRIGGER ALL`
  const metrics = sql`jsonb_build_object('cpu_percent', round((random() * 100)::numeric, 1), 'memory_percent',
    round((random() * 100)::numeric, 1), 'disk_percent', 63.0, 'disk_free_gb', 120.4)`
  await sql`INSERT INTO heartbeat_log (id, node_id, "timestamp", status, metrics)
    SELECT gen_random_uuid(), n.id, t, 'online', ${metrics}
    FROM nodes n, generate_series(now() - interval '30 days' + interval '30 seconds', now() - interval '1 day', interval '30 seconds') AS t
    WHERE n.node_id = ${TARGET_NODE} ORDER BY t`
  await sql`INSERT INTO heartbeat_log (id, node_id, "timestamp", status, metrics)
    SELECT gen_random_uuid(), n.id, t, 'online', ${metrics}
    FROM generate_series(now() - interval '1 day' + interval '30 seconds', now(), interval '30 seconds') AS t, nodes n
    ORDER BY t`
  await sql`ALTER TABLE heartbeat_log ENABLE TRIGGER ALL`
  await sql`ALTER TABLE heartbeat_log ADD PRIMARY KEY (id)`
  await sql`CREATE INDEX ix_heartbeat_log_node_id ON heartbeat_log (node_id)`
  await sql`CREATE INDEX ix_heartbeat_log_timestamp ON heartbeat_log ("timestamp")`
  await sql`VACUUM ANALYZE heartbeat_log`
  await sql`VACUUM ANALYZE nodes`
  const [{ count }] = await sql`SELECT count(*)::int AS count FROM heartbeat_log`
  return count
}
