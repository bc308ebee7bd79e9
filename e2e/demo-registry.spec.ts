import { expect, test, type Page } from '@playwright/test'

/**
 * The demo registry itself: MSW's worker answers in the browser under `page.clock`, and the simulator's time
 * is the page's faked time. Every other suite stands on this.
 */

const SILENT = 'node-7-worker-lon1'

async function openDemo(page: Page) {
  await page.clock.install({ time: new Date('2026-11-29T09:00:00Z') })
  await page.goto('/')
  await page.waitForFunction(() => window.__nodeConsoleDemo?.sim !== undefined, null, { timeout: 30_000 })
}

/** GET through the page (so through the service worker), answering the status and the parsed body. */
function get(page: Page, path: string) {
  return page.evaluate(async (p) => {
    const res = await fetch(p)
    return { status: res.status, body: (await res.json()) as unknown }
  }, path)
}

const lastBeat = async (page: Page, id: string) => {
  const r = await get(page, `/demo-registry/api/v1/nodes/${id}`)
  return (r.body as { last_heartbeat: string }).last_heartbeat
}

test('the simulated registry answers through the worker, on the faked clock', async ({ page }) => {
  await openDemo(page)
  const list = await get(page, '/demo-registry/api/v1/nodes?limit=1000')
  expect(list.status).toBe(200)
  expect(list.body).toMatchObject({ total: 12 })
  expect(await page.evaluate(() => new Date().toISOString())).toMatch(/^2026-11-29T09:0/)
  const health = await get(page, '/demo-registry/health')
  expect(health.body).toMatchObject({ status: 'healthy', network_stats: { total_nodes: 12 } })
})

test('advancing the clock: the silent node stops beating 90 s in, the others go on', async ({ page }) => {
  await openDemo(page)
  const beatsAt = async () => ({
    silent: await lastBeat(page, SILENT),
    live: await lastBeat(page, 'node-1-hetzner-gex44'),
  })
  const start = await beatsAt()
  await page.clock.fastForward('02:00')
  const twoMin = await beatsAt()
  await page.clock.fastForward('03:00')
  const fiveMin = await beatsAt()
  expect(twoMin.silent).not.toBe(start.silent)
  expect(fiveMin.silent).toBe(twoMin.silent)
  expect(fiveMin.live > twoMin.live && twoMin.live > start.live).toBe(true)
})

test('faults switched on the simulator reach the page', async ({ page }) => {
  await openDemo(page)
  await page.evaluate(() => window.__nodeConsoleDemo?.sim?.setFault('down'))
  const down = await page.evaluate(() =>
    fetch('/demo-registry/health').then(
      () => 'answered',
      () => 'failed',
    ),
  )
  expect(down).toBe('failed')
  await page.evaluate(() => window.__nodeConsoleDemo?.sim?.setFault('malformed'))
  expect(await page.evaluate(() => fetch('/demo-registry/api/v1/nodes').then((r) => r.text()))).toBe(
    '{"nodes": [',
  )
  await page.evaluate(() => {
    const sim = window.__nodeConsoleDemo?.sim
    sim?.setFault('none')
    sim?.setHistoryRoute(false)
  })
  expect((await get(page, `/demo-registry/api/v1/nodes/${SILENT}/heartbeats`)).status).toBe(404)
})
