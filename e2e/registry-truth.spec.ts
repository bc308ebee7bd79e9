import { expect, test, type Page } from '@playwright/test'

/**
 * What the console says against a registry that fails or holds awkward ids (demo fleet on MSW, the
 * simulator driven by `page.clock`): an outage is not a fleet outage, one poll rhythm for every view, ids
 * the registry cannot route, and ids shown as they are.
 */

test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.describe.configure({ timeout: 180_000 })

async function open(page: Page, path = '/') {
  await page.clock.install()
  await page.goto(path)
  await expect(page.getByRole('listbox', { name: 'Fleet nodes' })).toBeVisible({ timeout: 30_000 })
}

const count = async (page: Page, key: string) =>
  Number((await page.locator(`[data-count="${key}"]`).textContent()) ?? 0)

async function advance(page: Page, ms: number, step = 5_000) {
  for (let done = 0; done < ms; done += step) await page.clock.runFor(Math.min(step, ms - done))
}

test('a registry unreachable for longer than the offline threshold shows no node offline', async ({
  page,
}) => {
  await open(page)
  await expect(page.locator('[data-count="online"]')).not.toHaveText('0')
  const events = page.getByRole('list', { name: 'Events, newest first' })
  const wentOffline = events.getByRole('article').filter({ hasText: 'Went offline' })
  // What the demo's scripted silences produced before the outage, counted once every node's history has
  // answered (the list is busy until then; the clock is installed, so no poll starts meanwhile).
  await page.getByRole('link', { name: 'Events' }).click()
  await expect(events).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 })
  const before = await wentOffline.count()
  expect(before).toBeGreaterThan(0)
  await page.getByRole('link', { name: 'Overview' }).click()
  const offlineBefore = await count(page, 'offline')

  await page.evaluate(() => window.__nodeConsoleDemo?.sim?.setFault('down'))
  // The offline threshold is 120 s: stay down well past it.
  await advance(page, 200_000)
  await expect(page.getByRole('status').filter({ hasText: 'Stale since' })).toBeVisible()
  await expect(page.locator('[data-count="unreachable"]')).not.toHaveText('0')
  expect(await count(page, 'offline')).toBe(offlineBefore)

  // The Events page records no "went offline" for the nodes it could not see, and says why.
  await page.getByRole('link', { name: 'Events' }).click()
  await expect(page.getByText(/unreachable since/)).toBeVisible({ timeout: 30_000 })
  await expect(events).toHaveAttribute('aria-busy', 'false')
  expect(await wentOffline.count()).toBe(before)

  // Reads succeed again: liveness comes from the new data.
  await page.evaluate(() => window.__nodeConsoleDemo?.sim?.setFault('none'))
  await page.getByRole('link', { name: 'Overview' }).click()
  await advance(page, 30_000)
  await expect(page.locator('[data-count="unreachable"]')).toHaveCount(0)
})

test('a healthy node sampled every 500 ms for 60 s on its page is never shown stale', async ({ page }) => {
  await open(page)
  await page
    .getByRole('listbox', { name: 'Fleet nodes' })
    .getByRole('option')
    .filter({ hasText: 'node-1-hetzner-gex44' })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hetzner', {
    timeout: 30_000,
  })
  const badge = page.locator('main header').first()
  const seen: string[] = []
  for (let i = 0; i < 120; i++) {
    await page.clock.runFor(500)
    seen.push((await badge.innerText()).toLowerCase())
  }
  expect(seen.filter((s) => s.includes('stale'))).toEqual([])
  expect(seen.every((s) => s.includes('online'))).toBe(true)
})

test('an id with "/" opens its page, and an id with U+202E shows the control', async ({ page }) => {
  await open(page)
  await page.evaluate(() => {
    const sim = window.__nodeConsoleDemo?.sim
    if (!sim) throw new Error('no simulator')
    const now = new Date(sim.now()).toISOString()
    for (const node_id of ['node-rack/7', 'node-\u202Etxt.exe'])
      sim.addNode({
        node_id,
        node_name: node_id,
        node_role: 'worker',
        node_type: 'worker',
        status: 'online',
        last_heartbeat: now,
        hostname: `h-${node_id}`,
      })
  })
  await advance(page, 10_000)
  const list = page.getByRole('listbox', { name: 'Fleet nodes' })
  await list.getByRole('option').filter({ hasText: 'node-rack/7' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('node-rack/7', { timeout: 30_000 })
  await expect(page.getByText('The registry cannot look this id up')).toBeVisible()
  await expect(page.getByText('Node not found')).toHaveCount(0)

  await page.goBack()
  const spoof = list.getByRole('option').filter({ hasText: 'txt.exe' }).first()
  await expect(spoof).toContainText('node-⟨U+202E⟩txt.exe')
  await spoof.click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('⟨U+202E⟩', { timeout: 30_000 })
})
