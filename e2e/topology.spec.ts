import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

/**
 * The topology on the demo fleet (MSW in the browser, the simulator and the polling on `page.clock`).
 */

const SILENT = 'node-7-worker-lon1'

async function openTopology(page: Page, path = '/topology') {
  await page.clock.install()
  await page.goto(path)
  // The first load compiles the app on the dev server: allow it time on a busy machine.
  await expect(page.locator('a[data-node-id]').first()).toBeVisible({ timeout: 30_000 })
}

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true })
const card = (page: Page, id: string) => page.locator(`a[data-node-id="${id}"]`)
const heartbeatEdge = (page: Page, id: string) => page.locator(`[data-edge="heartbeat"][data-from="${id}"]`)

/** Moves the faked time forward in steps, so each poll on the way fires (as it would in real time). */
async function advance(page: Page, ms: number, step = 10_000) {
  for (let done = 0; done < ms; done += step) await page.clock.runFor(Math.min(step, ms - done))
}

test.use({ locale: 'en-GB' })
// Minutes of faked time per test, on a machine shared with other runs: more room than the default 60 s.
test.describe.configure({ timeout: 120_000 })

test('a node that falls silent gets a broken heartbeat link without a reload', async ({ page }) => {
  await openTopology(page)
  await expect(card(page, SILENT)).toHaveAccessibleName(/ online /)
  await expect(heartbeatEdge(page, SILENT)).toHaveAttribute('data-state', 'ok')
  const brokenBefore = await page.getByText(/^Broken links: \d+$/).textContent()

  await advance(page, 150_000)
  await expect(card(page, SILENT)).toHaveAccessibleName(/ stale /)
  await expect(heartbeatEdge(page, SILENT)).toHaveAttribute('data-state', 'broken')
  await expect(page.getByText(/^Broken links: \d+$/)).not.toHaveText(brokenBefore ?? '')
})

test('a node silenced and resumed gets its link back, without a reload', async ({ page }) => {
  const node = 'node-8-worker-par1'
  await openTopology(page)
  await expect(heartbeatEdge(page, node)).toHaveAttribute('data-state', 'ok')
  await page.evaluate((id) => window.__nodeConsoleDemo?.sim?.silence(id), node)
  await advance(page, 150_000)
  await expect(heartbeatEdge(page, node)).toHaveAttribute('data-state', 'broken')
  await page.evaluate((id) => window.__nodeConsoleDemo?.sim?.resume(id), node)
  await advance(page, 70_000)
  await expect(heartbeatEdge(page, node)).toHaveAttribute('data-state', 'ok')
  await expect(card(page, node)).toHaveAccessibleName(/ online /)
})

test('hubs and service links come from the fleet and profiles; group summaries count right', async ({
  page,
}) => {
  await openTopology(page)
  await expect(page.getByRole('group', { name: 'Node registry' })).toContainText('on node-1-hetzner-gex44')
  await expect(group(page, 'Hubs').locator('a[data-node-id="node-1-hetzner-gex44"]')).toBeVisible()
  await expect(
    page.locator('[data-edge="service"][data-from="worker"][data-to="node-1-hetzner-gex44"]'),
  ).toContainText('NATS')

  await advance(page, 150_000)
  await expect(card(page, SILENT)).toContainText('stale')
  const workers = group(page, 'Workers')
  const cards = workers.getByRole('link')
  // The summary counts what the cards show. The poll that follows the jump may still be on its way and turn
  // cards back online, so compare the two until they agree on one state of the fleet.
  let total = 0
  await expect(async () => {
    total = await cards.count()
    expect(total).toBeGreaterThan(3)
    // Each card says its liveness in words; no node name contains "online".
    const online = await cards.filter({ hasText: 'online' }).count()
    expect(online).toBeLessThan(total)
    await expect(workers.getByRole('button', { name: `Workers: ${online}/${total} online` })).toBeVisible({
      timeout: 1_000,
    })
  }).toPass({ timeout: 20_000 })
  const toggle = workers.getByRole('button', { name: /^Workers: \d+\/\d+ online$/ })
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')

  // Collapsing keeps the summary and hides the cards; expanding brings them back in the same places.
  const box = await card(page, SILENT).boundingBox()
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(workers.getByRole('link')).toHaveCount(0)
  await toggle.click()
  await expect(workers.getByRole('link')).toHaveCount(total)
  expect(await card(page, SILENT).boundingBox()).toEqual(box)
})

test('clicking a card, or Enter on it, opens the node page', async ({ page }) => {
  await openTopology(page)
  // Focus pans a card into view (as Tab would), then a click opens it.
  await card(page, SILENT).focus()
  await card(page, SILENT).click()
  await expect(page).toHaveURL(new RegExp(`/nodes/${SILENT}$`))
  await page.goBack()
  await card(page, 'node-1-hetzner-gex44').focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/nodes\/node-1-hetzner-gex44$/)
})

test('filters from the URL are shared with the overview', async ({ page }) => {
  await openTopology(page, '/topology?role=worker')
  await expect(page.getByText('Showing', { exact: false })).toContainText(/Showing \d+ of \d+ nodes/)
  await expect(card(page, 'node-2-macbook-m4max')).toHaveCount(0)
  await expect(card(page, SILENT)).toBeVisible()
  await page.getByRole('link', { name: 'Overview' }).click()
  await expect(page).toHaveURL(/\/\?role=worker$/)
})

test('past the threshold, groups become tiles and "+N more" expands a page of cards', async ({ page }) => {
  await openTopology(page, '/topology?demo-nodes=1000')
  await expect(page.getByTestId('dense-mode')).toBeVisible()
  const workers = group(page, 'Workers')
  await expect(workers).toContainText(/\d+ online/)
  await expect(workers.getByRole('link')).toHaveCount(0)
  const more = workers.getByRole('button', { name: /^Show 60 more of \d+ hidden nodes in Workers$/ })
  const label = (await more.getAttribute('aria-label')) ?? ''
  const hidden = Number(/of (\d+) hidden/.exec(label)?.[1])
  await expect(more).toHaveText(`+${hidden} more`)

  await more.click()
  await expect(workers.getByRole('button', { name: /more of/ })).toHaveText(`+${hidden - 60} more`)
  // Culled to the viewport: some of the 60 are drawn, never more than the page.
  const drawn = await workers.getByRole('link').count()
  expect(drawn).toBeGreaterThan(0)
  expect(drawn).toBeLessThanOrEqual(60)
  await workers.getByRole('button', { name: 'Hide cards' }).click()
  await expect(workers.getByRole('link')).toHaveCount(0)
})

test('pans with the keyboard and zooms with the buttons, and has no serious axe violation', async ({
  page,
}) => {
  await openTopology(page)
  const world = page.getByTestId('topology-viewport').locator('> div').first()
  const before = await world.evaluate((el) => el.style.transform)
  await page.getByTestId('topology-viewport').focus()
  await page.keyboard.press('ArrowRight')
  await expect.poll(() => world.evaluate((el) => el.style.transform)).not.toBe(before)
  await page.getByRole('button', { name: 'Zoom in' }).click()
  await expect(page.getByText(/^Zoom \d+%$/)).not.toHaveText('Zoom 100%')

  const results = await new AxeBuilder({ page }).include('main').analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
})
