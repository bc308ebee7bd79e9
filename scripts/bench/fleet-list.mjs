// The overview at 10,000 nodes: first render of the list, and keystroke-to-paint in the search box.
import { setTimeout as sleep } from 'node:timers/promises'
import { REGISTRY_PATH } from './browser.mjs'
import { listRuns, median, percentile } from './stats.mjs'

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
const KEY_ROUNDS = ['731', '452', '208', '96']

/** Reads when the 10,000-node snapshot became available and when the list was first painted. */
async function firstRender(page) {
  return page.evaluate((registryPath) => {
    const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null
    const pages = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes(`${registryPath}api/v1/nodes`) && !/\/nodes\/[^?]/.test(e.name))
    const appData = mark('nc:fleet-data')
    const lastPage = pages.length ? Math.max(...pages.map((e) => e.responseEnd)) : null
    return {
      appData,
      lastPage,
      pages: pages.length,
      appPainted: mark('nc:list-painted'),
      painted: window.__bench.painted.list,
    }
  }, REGISTRY_PATH)
}

async function keystrokes(page, runIndex) {
  await page.locator(SEARCH).click()
  const out = []
  let unchanged = 0
  const round = KEY_ROUNDS[runIndex % KEY_ROUNDS.length]
  const keys = [...round, ...round.split('').map(() => 'Backspace')]
  // Two passes with different digits: 24 keystrokes a run.
  const keys2 = [...KEY_ROUNDS[(runIndex + 1) % KEY_ROUNDS.length]]
  const all = [...keys, ...keys2, ...keys2.map(() => 'Backspace'), ...keys]
  for (const key of all) {
    await page.evaluate((sig) => window.__bench.arm(sig, 2000), LIST_SIGNATURE)
    await page.keyboard.press(key)
    const r = await page.evaluate(() => window.__bench.keystroke)
    if (r.ms === null) unchanged++
    else out.push(r.ms)
    // Let the deferred render and the URL update settle before the next key, as a typist's pause would.
    await sleep(120)
  }
  return { times: out, unchanged }
}

export async function fleetListFigures({ browser, baseUrl, runs, probes }) {
  const data = []
  const navToVisible = []
  const p95s = []
  let measured = 0
  let unchangedTotal = 0
  let source = null
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    try {
      await context.addInitScript(probes)
      await context.addInitScript((row) => {
        window.__bench.watchFirst('list', row)
        // Every registry page of a 10,000-node load must stay in the resource timeline (default buffer: 250).
        performance.setResourceTimingBufferSize(2000)
      }, ROW)
      const page = await context.newPage()
      await page.goto(`${baseUrl}/?demo-nodes=10000`)
      await page.waitForFunction(() => (window.__bench.painted.list ?? 0) > 0, null, { timeout: 90_000 })
      const r = await firstRender(page)
      const dataAt = r.appData ?? r.lastPage
      if (dataAt === null) throw new Error('no registry request seen: is the app in demo mode?')
      source ??=
        r.appData !== null
          ? 'app mark nc:fleet-data'
          : `end of the last of ${r.pages} registry page responses`
      const paintedAt = r.appPainted ?? r.painted
      data.push(paintedAt - dataAt)
      navToVisible.push(r.painted)
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
  return [
    {
      name: 'list_first_render_ms_10k',
      value: median(data),
      unit: 'ms',
      budget: 1000,
      note: `${source} → the first painted frame with list rows (median of ${runs}: ${listRuns(data)})`,
    },
    {
      name: 'list_nav_to_visible_ms_10k',
      value: median(navToVisible),
      unit: 'ms',
      budget: null,
      note: `informational: navigation start → list rows painted, incl. boot, MSW start, 10 pages of 1,000 (${listRuns(navToVisible)})`,
    },
    {
      name: 'filter_keystroke_p95_ms_10k',
      value: p95s.length ? median(p95s) : null,
      unit: 'ms',
      budget: 50,
      note: `keydown event time → painted frame after the list's rows changed; p95 of each run's keystrokes, median of ${p95s.length} runs (${listRuns(p95s)}); ${measured} keystrokes measured${unchangedTotal ? `, ${unchangedTotal} left the list unchanged (not counted)` : ''}`,
    },
  ]
}
