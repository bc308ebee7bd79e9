// `npm run bench`: builds the app with the benchmark harness, serves it, drives headless Chromium on the
// seeded, clock-driven demo simulator, prints every figure against its budget and writes
// bench-results.json. It reports, it does not gate: a figure over budget still exits 0; a bench that breaks
// (build, server, browser, a probe that throws) exits 1. See scripts/bench/README.md.
//
// Environment: BENCH_PORT (4187), PW_CHROMIUM_PATH (/usr/bin/chromium), BENCH_RUNS (5, the repeats of each
// timing), BENCH_ONLY (comma list of sections: bundle,list,topology,chart,polling,presence,server,incidents,chat),
// BENCH_SKIP_BUILD=1 (reuse dist-bench/), BENCH_OUT_DIR (dist-bench: the build's folder),
// BENCH_RESULTS (bench-results.json).
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { resolve } from 'node:path'
import { launchBrowser, pageProbes } from './bench/browser.mjs'
import { fleetListFigures } from './bench/fleet-list.mjs'
import { chatFigures } from './bench/chat.mjs'
import { chartFigures, presenceFigures } from './bench/harness-figures.mjs'
import { notificationsPerIncident } from './bench/incident-notifications.mjs'
import { incidentFigures } from './bench/incidents.mjs'
import { initialBundleFigures } from './bench/initial-bundle.mjs'
import { pollingHourFigures } from './bench/polling-hour.mjs'
import { serverFigures } from './bench/server-figures.mjs'
import { buildForBench, OUT_DIR, startPreview } from './bench/server.mjs'
import { round } from './bench/stats.mjs'
import { topologyFigures } from './bench/topology.mjs'

const root = resolve(import.meta.dirname, '..')
const port = Number(process.env.BENCH_PORT ?? 4187)
const runs = Math.max(5, Number(process.env.BENCH_RUNS ?? 5))
/** BENCH_RESULTS: another file than bench-results.json (a partial run that must not replace the full one). */
const resultsFile = process.env.BENCH_RESULTS ?? 'bench-results.json'
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null

/** Every figure's unit and budget (≤), so a section that breaks still leaves a row for each of its figures. */
const CATALOGUE = {
  initial_js_gzip_kb: ['kB', 200],
  initial_js_lazy_modules: ['modules', 0],
  list_first_render_ms_10k: ['ms', 1000],
  list_nav_to_visible_ms_10k: ['ms', null],
  filter_keystroke_p95_ms_10k: ['ms', 50],
  topology_first_render_ms_10k: ['ms', 1500],
  topology_pan_frame_p95_ms_1k: ['ms', 33],
  chart_render_ms_100k: ['ms', 150],
  heap_growth_pct_1h_1k: ['%', 10],
  registry_requests_per_min_1k: ['req/min', 20],
  presence_writes_per_h_active: ['writes/h', 2],
  presence_writes_per_h_idle: ['writes/h', 2],
  presence_writes_per_h_tabswitch: ['writes/h', 120],
  presence_rate_limited_per_h: ['429/h', 0],
  history_query_ms_24h_raw: ['ms', 30],
  history_query_ms_30d_bucketed: ['ms', 50],
  history_query_ms_24h_raw_cold: ['ms', null],
  history_query_ms_30d_bucketed_cold: ['ms', null],
  history_query_ms_24h_raw_composite: ['ms', null],
  history_query_ms_30d_bucketed_composite: ['ms', null],
  history_query_cpu_ms_24h_raw: ['ms', null],
  history_query_cpu_ms_30d_bucketed: ['ms', null],
  history_query_cpu_ms_24h_raw_cold: ['ms', null],
  history_query_cpu_ms_30d_bucketed_cold: ['ms', null],
  history_query_cpu_ms_24h_raw_composite: ['ms', null],
  history_query_cpu_ms_30d_bucketed_composite: ['ms', null],
  sse_beat_to_tab_ms_100: ['ms', 1000],
  server_rss_mb_100_clients: ['MB', 150],
  registry_requests_per_min_10_tabs: ['req/min', 18],
  alert_latency_s: ['s', 3],
  messages_per_incident: ['messages', 1],
  duplicate_messages_restart: ['messages', 0],
  false_incidents_registry_outage: ['incidents', 0],
  notifications_per_incident_3_tabs: ['notifications', 1],
  chat_open_to_timeline_ms_cold: ['ms', 1000],
  chat_open_to_timeline_ms_warm: ['ms', 300],
  chat_receipts_per_page_load: ['receipts', 1],
}

const SECTIONS = [
  { id: 'bundle', browser: false, run: (ctx) => initialBundleFigures(ctx.outDir) },
  { id: 'list', run: fleetListFigures },
  { id: 'topology', run: topologyFigures },
  { id: 'chart', run: chartFigures },
  { id: 'polling', run: pollingHourFigures },
  { id: 'presence', run: presenceFigures },
  { id: 'server', browser: false, build: false, run: serverFigures },
  // The server's bot (its own process, no browser), then the console's notifications across three tabs.
  {
    id: 'incidents',
    run: async (ctx) => [...(await incidentFigures(ctx)), await notificationsPerIncident(ctx)],
  },
  // The built app against the local Synapse.
  { id: 'chat', run: chatFigures },
]
const FIGURES_OF = {
  bundle: ['initial_js_gzip_kb', 'initial_js_lazy_modules'],
  list: ['list_first_render_ms_10k', 'list_nav_to_visible_ms_10k', 'filter_keystroke_p95_ms_10k'],
  topology: ['topology_first_render_ms_10k', 'topology_pan_frame_p95_ms_1k'],
  chart: ['chart_render_ms_100k'],
  polling: ['heap_growth_pct_1h_1k', 'registry_requests_per_min_1k'],
  presence: [
    'presence_writes_per_h_active',
    'presence_writes_per_h_idle',
    'presence_writes_per_h_tabswitch',
    'presence_rate_limited_per_h',
  ],
  server: [
    'history_query_ms_24h_raw',
    'history_query_ms_30d_bucketed',
    'history_query_ms_24h_raw_cold',
    'history_query_ms_30d_bucketed_cold',
    'history_query_ms_24h_raw_composite',
    'history_query_ms_30d_bucketed_composite',
    'history_query_cpu_ms_24h_raw',
    'history_query_cpu_ms_30d_bucketed',
    'history_query_cpu_ms_24h_raw_cold',
    'history_query_cpu_ms_30d_bucketed_cold',
    'history_query_cpu_ms_24h_raw_composite',
    'history_query_cpu_ms_30d_bucketed_composite',
    'sse_beat_to_tab_ms_100',
    'server_rss_mb_100_clients',
    'registry_requests_per_min_10_tabs',
  ],
  incidents: [
    'alert_latency_s',
    'messages_per_incident',
    'duplicate_messages_restart',
    'false_incidents_registry_outage',
    'notifications_per_incident_3_tabs',
  ],
  chat: ['chat_open_to_timeline_ms_cold', 'chat_open_to_timeline_ms_warm', 'chat_receipts_per_page_load'],
}

function verdict(f) {
  if (f.budget === null) return null
  return f.value !== null && f.value <= f.budget
}

function printTable(figures) {
  const rows = figures.map((f, i) => [
    f.name,
    f.value === null ? '—' : String(round(f.value)),
    f.unit,
    f.budget === null ? 'info' : `≤ ${f.budget}`,
    f.pass === null ? 'INFO' : f.pass ? 'PASS' : f.value === null ? 'MISSING' : 'FAIL',
    `[${i + 1}]`,
  ])
  const head = ['figure', 'value', 'unit', 'budget', 'result', 'note']
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)))
  const line = (cells) =>
    cells.map((s, c) => (c === 1 ? s.padStart(widths[c]) : s.padEnd(widths[c]))).join('  ')
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
  for (const r of rows) console.log(line(r))
  console.log('\nNotes:')
  figures.forEach((f, i) => console.log(`[${i + 1}] ${f.note ?? ''}`))
}

async function main() {
  const started = Date.now()
  const log = (msg) =>
    console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`)
  const figures = []
  const broken = []
  const load = [loadavg()[0]]
  let server = null
  let browser = null
  try {
    const outDir = resolve(root, OUT_DIR)
    const wanted = SECTIONS.filter((s) => !only || only.has(s.id))
    if (process.env.BENCH_SKIP_BUILD === '1') log(`reusing ${OUT_DIR}/`)
    else if (wanted.every((s) => s.build === false)) log('no section needs the app build')
    else {
      log(`building into ${OUT_DIR}/ (with the harness page)`)
      await buildForBench()
    }
    if (wanted.some((s) => s.browser !== false)) {
      server = await startPreview(port)
      log(`serving ${OUT_DIR}/ on ${server.url}`)
      browser = await launchBrowser()
      log(`Chromium ${browser.version()}`)
    }
    const ctx = { outDir, browser, baseUrl: server?.url, port, runs, probes: pageProbes, log }
    for (const section of wanted) {
      log(`${section.id}…`)
      try {
        const got = await section.run(ctx)
        load.push(loadavg()[0])
        // The catalogue is the single source of budgets: a section cannot quietly loosen its own.
        for (const f of got) {
          const entry = CATALOGUE[f.name]
          if (!entry) throw new Error(`${section.id} returned an unknown figure ${f.name}`)
          figures.push({ ...f, unit: entry[0], budget: entry[1] })
        }
      } catch (e) {
        broken.push(`${section.id}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
        const why = String(e instanceof Error ? e.message : e).split('\n')[0]
        for (const name of FIGURES_OF[section.id]) {
          const [unit, budget] = CATALOGUE[name]
          figures.push({ name, value: null, unit, budget, note: `BENCH ERROR in ${section.id}: ${why}` })
        }
      }
    }
  } catch (e) {
    broken.push(e instanceof Error ? (e.stack ?? e.message) : String(e))
  } finally {
    await browser?.close().catch(() => {})
    await server?.stop()
  }
  for (const f of figures) f.pass = verdict(f)
  const out = {
    figures: figures.map(({ name, value, unit, budget, pass, note }) => ({
      name,
      value: round(value, 2),
      unit,
      budget,
      pass,
      note,
    })),
    runs,
    date: new Date().toISOString(),
    // Timings on a shared machine: the 1-minute load average at the start and after each section.
    machine: { cpus: cpus().length, loadavg1: load.map((l) => round(l, 1)) },
  }
  writeFileSync(resolve(root, resultsFile), `${JSON.stringify(out, null, 2)}\n`)
  if (figures.length) printTable(figures)
  console.log(
    `\n${cpus().length} CPUs; 1-min load average at the start and after each section: ${load.map((l) => l.toFixed(1)).join(', ')}`,
  )
  log(`wrote ${resultsFile} (${figures.filter((f) => f.pass === false).length} over budget or missing)`)
  if (broken.length) {
    console.error(`\nThe bench itself broke:\n${broken.join('\n\n')}`)
    process.exitCode = 1
  }
}

await main()
