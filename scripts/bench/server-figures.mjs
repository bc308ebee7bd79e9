// BENCH_ONLY=server: the console server against a throwaway PostgreSQL. History query timings with the
// registry's indexes as they are (and, for the README, with the composite index), then the server as its own
// process with 100 event-stream clients and 10 polling tabs for a minute: beat-to-tab latency, its RSS, and
// what the tabs cost the registry.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { buildServer, serverArgs } from '../server-build.mjs'
import { generateBeats, startBenchDatabase, TARGET_NODE } from './server-db.mjs'
import { listRuns, percentile, round } from './stats.mjs'

const root = resolve(import.meta.dirname, '../..')
const COMPOSITE = 'CREATE INDEX heartbeat_log_node_time ON heartbeat_log (node_id, "timestamp" DESC)'
const POLL_MS = 7_500
/** The node page's four ranges as the app asks for them (history-range.ts): raw for 1 h, buckets beyond. */
const PAGE_RANGES = [
  [3_600_000, null],
  [86_400_000, 60],
  [7 * 86_400_000, 600],
  [30 * 86_400_000, 3600],
]

/** One open node page's history reads: windows end at the next whole minute, as the app rounds them. */
async function readNodePage(base) {
  const until = Math.ceil(Date.now() / 60_000) * 60_000
  for (const [duration, bucket] of PAGE_RANGES) {
    const q = new URLSearchParams({
      since: new Date(until - duration - 60_000).toISOString(),
      until: new Date(until).toISOString(),
    })
    if (bucket) q.set('bucket', String(bucket))
    const res = await fetch(`${base}/api/v1/nodes/${TARGET_NODE}/heartbeats?${q.toString()}`)
    if (!res.ok) throw new Error(`history answered ${res.status}`)
    await res.arrayBuffer()
  }
}

/**
 * Wall-clock samples of `run`, and the CPU time it costs per run (this process plus every process of the
 * database cluster): on a shared machine the wall clock measures the load, the CPU time the query.
 */
async function timeQuery(run, clusterCpuMs, n = 40) {
  for (let i = 0; i < 3; i++) await run()
  const samples = []
  const cpu0 = process.cpuUsage()
  const db0 = clusterCpuMs()
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await run()
    samples.push(performance.now() - t0)
  }
  const own = process.cpuUsage(cpu0)
  samples.cpuMs = ((own.user + own.system) / 1000 + clusterCpuMs() - db0) / n
  return samples
}

async function historyTimings(db, log) {
  const { url: dbUrl, sql, clusterCpuMs } = db
  const { openDatabase } = await import('../../server/src/db/database.ts')
  const { nodeHistory } = await import('../../server/src/services/history-service.ts')
  const { createClosedHistoryCache } = await import('../../server/src/services/closed-history-cache.ts')
  const reader = openDatabase({ url: dbUrl, statementTimeoutMs: 30_000 })
  // As the route reads: the window ends now, on the clock, so each repeated read moves as a page's does.
  const window = (days) => {
    const now = Date.now()
    return { now, since: new Date(now - days * 86_400_000), until: new Date(now) }
  }
  const query = (cache, days, bucket) => () => {
    const { now, since, until } = window(days)
    return nodeHistory(reader, TARGET_NODE, { since, until, limit: 10_000, bucket }, { cache, now })
  }
  // Repeated reads share the server's cache; cold reads each get an empty one, so every row comes from SQL.
  const warm = createClosedHistoryCache()
  const cold = (days, bucket) => () => query(createClosedHistoryCache(), days, bucket)()
  const rawRows = (await query(null, 1, null)()).heartbeats.length
  const beatsIn30d = (await query(null, 30, 3600)()).buckets.reduce((a, b) => a + b.beats, 0)
  const time = (run, n) => timeQuery(run, clusterCpuMs, n)
  const runs = {
    raw: await time(query(warm, 1, null)),
    hourly: await time(query(warm, 30, 3600)),
    rawCold: await time(cold(1, null), 20),
    hourlyCold: await time(cold(30, 3600), 20),
  }
  log(`composite index: ${COMPOSITE}`)
  await sql.unsafe(COMPOSITE)
  await sql`ANALYZE heartbeat_log`
  runs.rawComposite = await time(cold(1, null), 20)
  runs.hourlyComposite = await time(cold(30, 3600), 20)
  await sql`DROP INDEX heartbeat_log_node_time`
  await reader.end()
  const p95 = (s) => percentile(s, 95)
  const note = (s, rows) =>
    `p95 of ${s.length} runs, ${rows} rows of one node among 1,000; median ${round(percentile(s, 50))} ms`
  const repeated =
    'repeated reads of a moving window: closed hours from the server cache, the open minutes from SQL'
  const first = 'an empty cache each run: every row read from SQL, as the first read of a node after a start'
  return [
    {
      name: 'history_query_ms_24h_raw',
      value: p95(runs.raw),
      note: `${note(runs.raw, rawRows)}; ${repeated}`,
    },
    {
      name: 'history_query_ms_30d_bucketed',
      value: p95(runs.hourly),
      note: `${note(runs.hourly, beatsIn30d)} into hourly buckets; ${repeated}`,
    },
    {
      name: 'history_query_ms_24h_raw_cold',
      value: p95(runs.rawCold),
      note: `${note(runs.rawCold, rawRows)}; ${first}, registry indexes only`,
    },
    {
      name: 'history_query_ms_30d_bucketed_cold',
      value: p95(runs.hourlyCold),
      note: `${note(runs.hourlyCold, beatsIn30d)} into hourly buckets; ${first}, registry indexes only`,
    },
    {
      name: 'history_query_ms_24h_raw_composite',
      value: p95(runs.rawComposite),
      note: `cold, with ${COMPOSITE}`,
    },
    {
      name: 'history_query_ms_30d_bucketed_composite',
      value: p95(runs.hourlyComposite),
      note: `cold, with ${COMPOSITE}`,
    },
    ...[
      ['24h_raw', runs.raw, 'repeated reads'],
      ['30d_bucketed', runs.hourly, 'repeated reads'],
      ['24h_raw_cold', runs.rawCold, 'cold, registry indexes only'],
      ['30d_bucketed_cold', runs.hourlyCold, 'cold, registry indexes only'],
      ['24h_raw_composite', runs.rawComposite, 'cold, with the composite index'],
      ['30d_bucketed_composite', runs.hourlyComposite, 'cold, with the composite index'],
    ].map(([figure, s, how]) => ({
      name: `history_query_cpu_ms_${figure}`,
      value: s.cpuMs,
      note: `CPU time per query, the server's code and every database process together (${how}): what the load on a shared machine does not inflate as it does the wall clock`,
    })),
  ]
}

function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : null
}

/** A port of its own: the bench's static server may hold BENCH_PORT when other groups run in the same call. */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolvePort(port))
    })
  })
}

async function liveFigures(dbUrl, sql, log) {
  const port = await freePort()
  const { startHttpRegistry } = await import('../../mocks/registry/http-registry.ts')
  const { openStream } = await import('../../server/test/sse-client.ts')
  const registry = await startHttpRegistry({ seed: 42, nodes: 1000 })
  // Started as `npm run serve` starts it: the bundle, with its Node flags.
  await buildServer()
  const child = spawn(process.execPath, serverArgs(), {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      REGISTRY_URL: registry.url,
      REGISTRY_DATABASE_URL: dbUrl,
      DIST_DIR: 'dist-bench-none',
    },
  })
  const base = `http://127.0.0.1:${port}`
  const streams = []
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) break
      if (i > 100) throw new Error('the server did not start')
      await sleep(200)
    }
    for (let i = 0; i < 100; i++) streams.push(await openStream(`${base}/api/v1/events`))
    await sleep(1500)
    log('100 stream clients connected; 10 tabs polling for 60 s; a beat every 2 s')
    const requestsBefore = [...registry.requests.values()].reduce((a, b) => a + b, 0)
    const stopAt = Date.now() + 60_000
    const tab = async () => {
      await sleep(Math.random() * POLL_MS)
      for (let poll = 0; Date.now() < stopAt; poll++) {
        const next = Date.now() + POLL_MS
        for (let offset = 0; ; offset += 1000) {
          const page = await (await fetch(`${base}/api/v1/nodes?limit=1000&offset=${offset}`)).json()
          if (page.nodes.length < 1000) break
        }
        // As the app: the list every 7.5 s, the registry's health every 30 s.
        if (poll % 4 === 0) await fetch(`${base}/health`).then((r) => r.arrayBuffer())
        // Each tab has the 30-day node's page open: its history again every minute, as the page refreshes.
        if (poll % 8 === 0) await readNodePage(base)
        await sleep(Math.max(0, next - Date.now()))
      }
    }
    const rss = []
    const latencies = []
    const beats = async () => {
      for (let mark = 0; Date.now() < stopAt - 3000; mark++) {
        await sql`INSERT INTO heartbeat_log (id, node_id, "timestamp", status, metrics)
          SELECT gen_random_uuid(), id, now(), 'online', ${sql.json({ cpu_percent: 5, mark: `m${mark}` })}
          FROM nodes WHERE node_id = ${TARGET_NODE}`
        const committed = performance.now()
        const needle = `"mark":"m${mark}"`
        await Promise.all(
          streams.map((s) =>
            s
              .waitFor((f) => f.event === 'heartbeat' && (f.data ?? '').includes(needle), 10_000)
              .then(() => latencies.push(performance.now() - committed)),
          ),
        )
        rss.push(rssMb(child.pid))
        // A random phase against the hub's reads, as real commits have: a fixed pause would lock onto them.
        await sleep(2000 + Math.random() * 1000)
      }
    }
    await Promise.all([...Array.from({ length: 10 }, tab), beats()])
    const requests = [...registry.requests.values()].reduce((a, b) => a + b, 0) - requestsBefore
    return [
      {
        name: 'sse_beat_to_tab_ms_100',
        value: percentile(latencies, 95),
        note: `p95 of ${latencies.length} deliveries (100 clients), median ${round(percentile(latencies, 50))} ms; the hub reads twice a second`,
      },
      {
        name: 'server_rss_mb_100_clients',
        value: Math.max(...rss),
        note: `peak RSS of the server process with 100 streams and 10 polling tabs, each with the 30-day node's page open (its four ranges read each minute, through the history cache) (samples ${listRuns(rss, 0)})`,
      },
      {
        name: 'registry_requests_per_min_10_tabs',
        value: requests,
        note: `10 tabs, polling as the app does (the list, 2 pages at 1,000 nodes, every 7.5 s; /health every 30 s) for 60 s: one tab alone costs 18`,
      },
    ]
  } finally {
    for (const s of streams) s.close()
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    await registry.close()
  }
}

export async function serverFigures(ctx) {
  await import('../../server/src/register-aliases.ts')
  const db = await startBenchDatabase()
  try {
    ctx.log('generating beats in SQL (1,000 nodes)…')
    const rows = await generateBeats(db.sql)
    ctx.log(`${rows} rows in heartbeat_log`)
    const history = await historyTimings(db, ctx.log)
    const live = await liveFigures(db.url, db.sql, ctx.log)
    return [...history, ...live]
  } finally {
    await db.sql.end()
    db.stop()
  }
}
