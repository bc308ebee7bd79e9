// The overview at 10,000 nodes: first render of the list, and keystroke-to-paint in the search box.
import { setTimeout as sleep } from 'node:timers/promises'
import { REGISTRY_PATH } from './browser.mjs'
import { listRuns, median, percentile, round } from './stats.mjs'
import { startTrace, stopTrace } from './trace-cpu.mjs'

/** The virtualized fleet list's rows (fleet-list.tsx: a listbox of options). */
const ROW = '[role="listbox"] [role="option"]'
const SEARCH = 'input[type="search"]'

/**
 * What the list shows, as a string: the result count (aria-setsize) and the first rows' node ids. Not their
 * heartbeat ages, which change every second by themselves.
 */
const LIST_SIGNATURE = `() => {
  const rows = [...document.querySelectorAll('${ROW}')].slice(0, 8)
  if (rows.length === 0) return 'empty'
  const ids = rows.map((r) => (r.querySelector('.font-mono') ?? r).textContent)
  return (rows[0].getAttribute('aria-setsize') ?? '?') + '|' + ids.join(',')
}`

// Each digit narrows the search (ids and addresses are full of digits), each backspace widens it again,
// so every keystroke changes what the list shows.
const KEY_ROUNDS = ['731', '452', '208', '965']

/** Reads when the last registry page of the 10,000-node load arrived and when the list was first painted. */
async function firstRender(page) {
  return page.evaluate((registryPath) => {
    const pages = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes(`${registryPath}api/v1/nodes`) && !/\/nodes\/[^?]/.test(e.name))
    const lastPage = pages.length ? Math.max(...pages.map((e) => e.responseEnd)) : null
    return { lastPage, pages: pages.length, painted: window.__bench.painted.list }
  }, REGISTRY_PATH)
}

async function keystrokes(page, runIndex) {
  await page.locator(SEARCH).click()
  const out = []
  const windows = []
  let unchanged = 0
  // Four rounds of three digits then three backspaces: 24 keystrokes a run, each changing the list.
  const all = KEY_ROUNDS.map((_, r) => KEY_ROUNDS[(runIndex + r) % KEY_ROUNDS.length]).flatMap((digits) => [
    ...digits,
    ...[...digits].map(() => 'Backspace'),
  ])
  for (const key of all) {
    await page.evaluate((sig) => window.__bench.arm(sig, 2000), LIST_SIGNATURE)
    await page.keyboard.press(key)
    const r = await page.evaluate(() => window.__bench.keystroke)
    if (r.ms === null) unchanged++
    else {
      out.push(r.ms)
      windows.push([r.t0, r.t1])
    }
    // Let the deferred render and the URL update settle before the next key, as a typist's pause would.
    await sleep(120)
  }
  return { times: out, windows, unchanged }
}

async function openList(browser, probes, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(probes)
  await context.addInitScript((row) => {
    window.__bench.watchFirst('list', row)
    // Every registry page of a 10,000-node load must stay in the resource timeline (default buffer: 250).
    performance.setResourceTimingBufferSize(2000)
  }, ROW)
  const page = await context.newPage()
  return { context, page, url }
}

async function loadList(page, url) {
  await page.goto(url)
  await page.waitForFunction(() => (window.__bench.painted.list ?? 0) > 0, null, { timeout: 90_000 })
  const r = await firstRender(page)
  if (r.lastPage === null) throw new Error('no registry request seen: is the app in demo mode?')
  const source = `end of the last of ${r.pages} registry page responses`
  return { dataAt: r.lastPage, paintedAt: r.painted, navToVisible: r.painted, source }
}

/**
 * One more run, traced: the main thread's CPU time inside the same intervals. Wall time on a shared
 * machine includes waiting for a core; CPU time is the work the code itself asked for.
 */
async function tracedRun(browser, probes, url) {
  const { context, page } = await openList(browser, probes, url)
  try {
    await startTrace(browser, page)
    let cpuOf
    let first
    let keys
    try {
      first = await loadList(page, url)
      await sleep(1000)
      keys = await keystrokes(page, 0)
    } finally {
      const painted = await page.evaluate(() => window.__bench.painted.list).catch(() => null)
      cpuOf = await stopTrace(browser, 'bench:list', painted ?? 0)
    }
    return {
      firstRenderCpu: cpuOf(first.dataAt, first.paintedAt).main,
      keystrokeCpu: keys.windows.map(([a, b]) => cpuOf(a, b).main),
    }
  } finally {
    await context.close()
  }
}

export async function fleetListFigures({ browser, baseUrl, runs, probes }) {
  const url = `${baseUrl}/?demo-nodes=10000`
  const data = []
  const navToVisible = []
  const p95s = []
  let measured = 0
  let unchangedTotal = 0
  let source = null
  for (let i = 0; i < runs; i++) {
    const { context, page } = await openList(browser, probes, url)
    try {
      const r = await loadList(page, url)
      source ??= r.source
      data.push(r.paintedAt - r.dataAt)
      navToVisible.push(r.navToVisible)
      // A quiet second before typing: the first poll's follow-up requests settle.
      await sleep(1000)
      const k = await keystrokes(page, i)
      measured += k.times.length
      unchangedTotal += k.unchanged
      if (k.times.length) p95s.push(percentile(k.times, 95))
    } finally {
      await context.close()
    }
  }
  const cpu = await tracedRun(browser, probes, url)
  const keyCpuP95 = cpu.keystrokeCpu.length ? percentile(cpu.keystrokeCpu, 95) : null
  return [
    {
      name: 'list_first_render_ms_10k',
      value: median(data),
      note: `${source} → the first painted frame with list rows (median of ${runs}: ${listRuns(data)}); main-thread CPU in that interval: ${round(cpu.firstRenderCpu)} ms (1 traced run)`,
    },
    {
      name: 'list_nav_to_visible_ms_10k',
      value: median(navToVisible),
      note: `informational: navigation start → list rows painted, incl. boot, MSW start, 10 pages of 1,000 (${listRuns(navToVisible)})`,
    },
    {
      name: 'filter_keystroke_p95_ms_10k',
      value: p95s.length ? median(p95s) : null,
      note: `keydown event time → painted frame after the list's rows changed; p95 of each run's keystrokes, median of ${p95s.length} runs (${listRuns(p95s)}); ${measured} keystrokes measured${unchangedTotal ? `, ${unchangedTotal} left the list unchanged (not counted)` : ''}; main-thread CPU per keystroke p95: ${round(keyCpuP95)} ms (1 traced run)`,
    },
  ]
}
