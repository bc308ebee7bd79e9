// One simulated hour of the overview polling 1,000 nodes, driven by page.clock: the JS heap before and after
// (garbage collected both times) and the registry requests it cost.
import { setTimeout as sleep } from 'node:timers/promises'
import { REGISTRY_PATH } from './browser.mjs'

const NODES = 1000
// The fleet is polled at half the grace (7.5 s with the defaults: src/entities/node/api/get-fleet.ts, fleetPollMs).
const POLL_S = 7.5
/**
 * Clock steps of one poll interval, by `fastForward` (due timers fire once per step): every poll runs,
 * and the page is given real time to finish it before the next step. The 1 s display tick runs once a step.
 */
const STEP_MS = POLL_S * 1000
/** Heap samples along the hour, to tell a leak (steady climb) from warm-up (a step, then flat). */
const SAMPLE_EVERY_MS = 10 * 60_000
/** Warm-up before the first heap sample: caches filled, the observed-beat rings allocated, code optimised. */
const WARMUP_MS = 10 * 60_000
const HOUR_MS = 60 * 60_000
// The fleet route answers at most 1,000 per page, and paging stops at the first short page: 1,000 nodes
// take 2 requests a poll, 8 polls a minute; health is polled every 30 s. So 2 × 8 + 2 = 18 a minute; the budget
// (scripts/bench.mjs CATALOGUE: 20) leaves no room for one request per node (1,000+).

/** Counts the app's own fetches to the registry (and those still in flight), in the page. */
function countRegistryFetches(path) {
  const original = window.fetch
  const counter = { started: 0, inflight: 0 }
  window.__benchRegistry = counter
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!url.includes(path)) return original.call(this, input, init)
    counter.started++
    counter.inflight++
    const p = original.call(this, input, init)
    const done = () => counter.inflight--
    p.then((res) => res.clone().arrayBuffer().then(done, done), done)
    return p
  }
}

/** Real time, in Node: lets the page finish the fetches and renders a clock step started. */
async function settle(page) {
  for (let i = 0; i < 600; i++) {
    const inflight = await page.evaluate(() => window.__benchRegistry.inflight)
    if (inflight === 0) {
      // React renders on a message channel (not faked): give it a moment after the last response.
      await sleep(30)
      return
    }
    await sleep(20)
  }
  throw new Error('registry requests still in flight after 12 s of real time')
}

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize
}

async function advance(page, ms) {
  for (let t = 0; t < ms; t += STEP_MS) {
    await page.clock.fastForward(STEP_MS)
    await settle(page)
  }
}

export async function pollingHourFigures({ browser, baseUrl, probes, log }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    await context.addInitScript(probes)
    await context.addInitScript(countRegistryFetches, REGISTRY_PATH)
    const page = await context.newPage()
    // Playwright's own view of the same requests: the service worker answers them, and they must be seen.
    let seenByDriver = 0
    page.on('request', (r) => {
      if (r.url().includes(REGISTRY_PATH)) seenByDriver++
    })
    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.enable')
    await page.clock.install()
    await page.goto(`${baseUrl}/?demo-nodes=${NODES}`)
    await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 60_000 })
    await settle(page)
    const pageNow = await page.evaluate(() => Date.now())
    await page.clock.pauseAt(pageNow + 1000)
    await advance(page, WARMUP_MS)
    const before = await heapUsed(cdp)
    const startedBefore = await page.evaluate(() => window.__benchRegistry.started)
    const driverBefore = seenByDriver
    const t0 = Date.now()
    const samples = [before]
    for (let t = 0; t < HOUR_MS; t += SAMPLE_EVERY_MS) {
      await advance(page, SAMPLE_EVERY_MS)
      samples.push(await heapUsed(cdp))
    }
    const after = samples[samples.length - 1]
    const requests = (await page.evaluate(() => window.__benchRegistry.started)) - startedBefore
    const driverSaw = seenByDriver - driverBefore
    log(`simulated hour in ${((Date.now() - t0) / 1000).toFixed(0)} s of real time`)
    const rows = await page.locator('[role="listbox"] [role="option"]').count()
    if (rows === 0) throw new Error('the list is empty after the hour')
    const mb = (b) => (b / 1048576).toFixed(1)
    return [
      {
        name: 'heap_growth_pct_1h_1k',
        value: ((after - before) / before) * 100,
        note: `JS heap after GC, every ${SAMPLE_EVERY_MS / 60_000} simulated min from ${WARMUP_MS / 60_000} min of warm-up: ${samples.map(mb).join(' → ')} MB (page.clock.fastForward by ${STEP_MS / 1000} s, each poll settled; Runtime.getHeapUsage; the in-page simulator and MSW included)`,
      },
      {
        name: 'registry_requests_per_min_1k',
        value: requests / (HOUR_MS / 60_000),
        note: `${requests} registry requests in the hour (counted at the app's fetch; Playwright saw ${driverSaw} served by the service worker); budget: 2 pages a poll × ${60 / POLL_S} polls a minute + 2 health = 18 (≤ 20), where one request per node would be 1,000+`,
      },
    ]
  } finally {
    await context.close()
  }
}
