// The topology view: first render in dense mode at 10,000 nodes, and frame times while panning 1,000.
import { setTimeout as sleep } from 'node:timers/promises'
import { REGISTRY_PATH } from './browser.mjs'
import { listRuns, median, percentile, round } from './stats.mjs'
import { startTrace, stopTrace } from './trace-cpu.mjs'

const VIEWPORT = '[data-testid="topology-viewport"]'
/** The pannable world inside the viewport: present once the layout (a Web Worker at this size) is done. */
const WORLD = `${VIEWPORT} > div`
const CARD = `${VIEWPORT} a[href*="/nodes/"]`
/** Clicks on "+N more" (60 cards each) before panning. */
const EXPAND_CLICKS = 3

async function firstRender(page) {
  return page.evaluate((registryPath) => {
    const pages = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes(`${registryPath}api/v1/nodes`) && !/\/nodes\/[^?]/.test(e.name))
    return {
      lastPage: pages.length ? Math.max(...pages.map((e) => e.responseEnd)) : null,
      pages: pages.length,
      painted: window.__bench.painted.topology,
      dense: document.querySelector('[data-testid="dense-mode"]') !== null,
      elements: document.querySelectorAll(`[data-testid="topology-viewport"] *`).length,
    }
  }, REGISTRY_PATH)
}

async function openTopology(browser, probes, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(probes)
  await context.addInitScript((world) => {
    window.__bench.watchFirst('topology', world)
    performance.setResourceTimingBufferSize(2000)
  }, WORLD)
  const page = await context.newPage()
  await page.goto(url)
  await page.waitForFunction(() => (window.__bench.painted.topology ?? 0) > 0, null, { timeout: 90_000 })
  return { context, page }
}

/** One scripted pan: press in the middle, sweep left/right and up/down, release; rAF frame times meanwhile. */
async function pan(page) {
  const box = await page.locator(VIEWPORT).boundingBox()
  if (!box) throw new Error('the topology viewport has no box')
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  await page.mouse.move(cx, cy)
  await page.evaluate(() => window.__bench.collectFrames(true))
  await page.mouse.down()
  for (const [dx, dy] of [
    [-300, 0],
    [300, 0],
    [0, -200],
    [0, 0],
  ]) {
    await page.mouse.move(cx + dx, cy + dy, { steps: 20 })
  }
  await page.mouse.up()
  // The frame after the last move, then stop.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  await page.evaluate(() => window.__bench.collectFrames(false))
  return page.evaluate(() => window.__bench.frames)
}

/** First render of the map in dense mode at 10,000 nodes. */
export async function topologyFirstRenderFigure({ browser, baseUrl, runs, probes }) {
  const render = []
  let dense = true
  let elements = 0
  for (let i = 0; i < runs; i++) {
    const { context, page } = await openTopology(browser, probes, `${baseUrl}/topology?demo-nodes=10000`)
    try {
      const r = await firstRender(page)
      if (r.lastPage === null) throw new Error('no registry request seen on /topology')
      render.push(r.painted - r.lastPage)
      dense &&= r.dense
      elements = r.elements
    } finally {
      await context.close()
    }
  }

  // One more run, traced: the CPU the main thread and the layout worker spent in the same interval.
  const traced = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  let cpu
  try {
    await traced.addInitScript(probes)
    await traced.addInitScript((world) => {
      window.__bench.watchFirst('topology', world)
      performance.setResourceTimingBufferSize(2000)
    }, WORLD)
    const page = await traced.newPage()
    await startTrace(browser, page)
    let r = null
    try {
      await page.goto(`${baseUrl}/topology?demo-nodes=10000`)
      await page.waitForFunction(() => (window.__bench.painted.topology ?? 0) > 0, null, { timeout: 90_000 })
      r = await firstRender(page)
    } finally {
      const cpuOf = await stopTrace(browser, 'bench:topology', r?.painted ?? 0)
      if (r) cpu = cpuOf(r.lastPage, r.painted)
    }
  } finally {
    await traced.close()
  }

  return [
    {
      name: 'topology_first_render_ms_10k',
      value: median(render),
      note: `end of the last registry page response → first painted frame of the laid-out map (layout in a Web Worker)${dense ? ', dense mode on' : ', DENSE MODE NOT SEEN'}, ${elements} elements in the map; median of ${runs} (${listRuns(render)}); CPU in that interval: main thread ${round(cpu.main)} ms, workers ${round(cpu.worker)} ms (1 traced run)`,
    },
  ]
}

/** Frame times while panning 1,000 nodes. */
export async function topologyPanFigure({ browser, baseUrl, runs, probes }) {
  const p95s = []
  let frames = 0
  let cards = 0
  let expandedCards = 0
  let expanded = 0
  const { context, page } = await openTopology(browser, probes, `${baseUrl}/topology?demo-nodes=1000`)
  try {
    // Dense mode shows tiles; a pan over tiles only would prove little. "+N more" (60 cards a click) a few
    // times, so the map holds hundreds of cards, culled to the viewport.
    const more = page.locator(`${VIEWPORT} button`).filter({ hasText: /^\+\s?\d/ })
    for (let click = 0; click < EXPAND_CLICKS; click++) {
      if ((await more.count()) === 0) break
      // A DOM click: the button may sit outside the clipped viewport, where a pointer cannot reach it.
      await more.first().evaluate((b) => b.click())
      expanded++
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    }
    expandedCards = await page.locator(`${VIEWPORT} a[href*="/nodes/"]`).count()
    await sleep(1000)
    for (let i = 0; i < runs; i++) {
      const f = await pan(page)
      // The first delta spans the press; frame times are the rest.
      const times = f.slice(1)
      frames += times.length
      if (times.length) p95s.push(percentile(times, 95))
      cards = Math.max(cards, await page.locator(CARD).count())
      await sleep(300)
    }
  } finally {
    await context.close()
  }
  return [
    {
      name: 'topology_pan_frame_p95_ms_1k',
      value: p95s.length ? median(p95s) : null,
      note: `rAF frame times while the mouse drags the map (4 strokes of 20 moves), 1,000 nodes in dense mode after ${expanded} clicks on "+N more" (${expandedCards} cards rendered after culling, up to ${cards} during the pans); p95 of each pan, median of ${p95s.length} pans (${listRuns(p95s)}); ${frames} frames`,
    },
  ]
}

export async function topologyFigures(ctx) {
  return [...(await topologyFirstRenderFigure(ctx)), ...(await topologyPanFigure(ctx))]
}
