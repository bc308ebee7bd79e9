import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

/**
 * The fleet overview on the demo fleet (MSW in the browser, the simulator driven by `page.clock`). The clock is
 * installed before the page loads, so the simulator, the polling and the 1 s tick all run on faked time.
 */

const SILENT = 'node-7-worker-lon1'

async function openOverview(page: Page, path = '/') {
  // A dialog would mean markup from the registry ran as HTML: fail loudly.
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.type()} ${d.message()}`)
  })
  await page.clock.install()
  await page.goto(path)
  // The first load compiles the app (dev server) and starts MSW: give it more than one expect's timeout.
  await expect(page.getByRole('listbox', { name: 'Fleet nodes' })).toBeVisible({ timeout: 30_000 })
}

const list = (page: Page) => page.getByRole('listbox', { name: 'Fleet nodes' })
const row = (page: Page, text: string) => list(page).getByRole('option').filter({ hasText: text })
const count = (page: Page, key: string) => page.locator(`[data-count="${key}"]`)
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search nodes' })

/** Moves the faked time forward in steps, so each poll on the way fires (as it would in real time). */
async function advance(page: Page, ms: number, step = 10_000) {
  for (let done = 0; done < ms; done += step) await page.clock.runFor(Math.min(step, ms - done))
}

test.use({ locale: 'en-GB' })

test('counts add up to the whole fleet and the registry health is shown', async ({ page }) => {
  await openOverview(page)
  const size = await page.evaluate(() => window.__nodeConsoleDemo?.sim?.size() ?? -1)
  await expect(count(page, 'total')).toHaveText(String(size))
  // Read in one go: a node may change state between two separate reads.
  const values = await page.evaluate(() =>
    ['online', 'stale', 'offline', 'unknown', 'invalid'].map((k) =>
      Number(document.querySelector(`[data-count="${k}"]`)?.textContent ?? 0),
    ),
  )
  expect(values.reduce((a, b) => a + b, 0)).toBe(size)
  await expect(page.getByRole('region', { name: 'Registry' })).toContainText('status: healthy')
  await expect(row(page, 'node-1-hetzner-gex44')).toContainText('online')
  await expect(row(page, 'node-4-worker-hel1')).toContainText('maintenance')
  await expect(row(page, 'node-6-worker-waw1')).toContainText('banana')
  await expect(row(page, 'node-worker-ams1-3f9a1c2e')).toContainText('orphan')
})

test('a node that falls silent turns stale, then offline, without a reload', async ({ page }) => {
  await openOverview(page)
  await search(page).fill(SILENT)
  await expect(row(page, SILENT)).toContainText('online')
  const online = Number(await count(page, 'online').textContent())

  await advance(page, 150_000)
  await expect(row(page, SILENT)).toContainText('stale')
  await expect(count(page, 'online')).toHaveText(String(online - 1))

  await advance(page, 90_000)
  await expect(row(page, SILENT)).toContainText('offline')
})

test('search, filters and sort come back from the URL, on reload and by direct link', async ({ page }) => {
  await openOverview(page)
  await search(page).fill('worker')
  await page.getByRole('group', { name: 'Role' }).getByRole('button', { name: 'backup' }).click()
  await page.getByLabel('Sort').selectOption('age')
  await expect(page).toHaveURL(/q=worker/)
  await expect(page).toHaveURL(/role=backup/)
  await expect(page).toHaveURL(/sort=age/)
  const shown = await list(page).getByRole('option').count()

  await page.reload()
  await expect(search(page)).toHaveValue('worker')
  await expect(
    page.getByRole('group', { name: 'Role' }).getByRole('button', { name: 'backup' }),
  ).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByLabel('Sort')).toHaveValue('age')
  await expect(list(page).getByRole('option')).toHaveCount(shown)

  await page.goto('/?liveness=online&type=router')
  await expect(
    page.getByRole('group', { name: 'State' }).getByRole('button', { name: 'online' }),
  ).toHaveAttribute('aria-pressed', 'true')
  await expect(list(page).getByRole('option')).toHaveCount(1)
  await expect(row(page, 'node-1-hetzner-gex44')).toBeVisible()

  await page.goto('/?q=no-such-node-anywhere')
  await expect(page.getByText('No nodes match the filters.')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).first().click()
  await expect(row(page, 'node-1-hetzner-gex44')).toBeVisible()
  await expect(page).not.toHaveURL(/q=/)
})

test('a registry outage keeps the last data under a banner and recovers by itself', async ({ page }) => {
  await openOverview(page)
  await expect(row(page, 'node-1-hetzner-gex44')).toBeVisible()
  await page.evaluate(() => window.__nodeConsoleDemo?.sim?.setFault('down'))
  await advance(page, 40_000, 5_000)
  const banner = page.getByRole('status').filter({ hasText: 'Stale since' })
  await expect(banner).toContainText('registry unreachable')
  await expect(banner.getByRole('button', { name: 'Retry now' })).toBeVisible()
  // The last good data stays on screen.
  await expect(row(page, 'node-1-hetzner-gex44')).toBeVisible()

  await page.evaluate(() => window.__nodeConsoleDemo?.sim?.setFault('none'))
  await advance(page, 120_000, 5_000)
  await expect(banner).toHaveCount(0)
  await expect(row(page, 'node-1-hetzner-gex44')).toContainText('online')
})

test('markup in a node name shows as text and never runs', async ({ page }) => {
  await openOverview(page)
  const evil = '<img src=x onerror=alert(1)>'
  await page.evaluate((name) => {
    const sim = window.__nodeConsoleDemo?.sim
    if (!sim) throw new Error('no simulator')
    sim.addNode({
      node_id: 'node-evil-1',
      node_name: name,
      node_role: 'worker',
      node_type: 'worker',
      hostname: '<script>alert(2)</script>',
      status: '<b>bold</b>',
      last_heartbeat: new Date(sim.now()).toISOString(),
    })
  }, evil)
  await advance(page, 35_000)
  await search(page).fill('node-evil-1')
  await expect(row(page, 'node-evil-1')).toContainText(evil)
  await expect(row(page, 'node-evil-1')).toContainText('<b>bold</b>')
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  await expect(page.locator('main b')).toHaveCount(0)
})

test('keyboard: / focuses search, arrows choose a node, Enter opens it', async ({ page }) => {
  await openOverview(page)
  await page.locator('body').click({ position: { x: 5, y: 300 } })
  await page.keyboard.press('/')
  await expect(search(page)).toBeFocused()
  await page.keyboard.type('node-')
  await page.keyboard.press('ArrowDown')
  await expect(list(page)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(list(page).getByRole('option', { selected: true })).toHaveCount(1)
  const chosen = list(page).getByRole('option', { selected: true })
  const id = await chosen.locator('.font-mono').textContent()
  expect(id).toBeTruthy()
  await expect(page).toHaveURL(/node=/)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/nodes/${encodeURIComponent(id ?? '')}`))
})

test('language and theme switches apply at once', async ({ page }) => {
  await openOverview(page)
  await expect(page.getByRole('heading', { name: 'Fleet overview' })).toBeVisible()
  await page.getByLabel('Language').selectOption('uk')
  await expect(page.getByRole('heading', { name: 'Огляд флоту' })).toBeVisible()
  await page.getByLabel('Мова').selectOption('en')
  await expect(page.getByRole('heading', { name: 'Fleet overview' })).toBeVisible()

  await page.getByLabel('Theme').selectOption('dark')
  await expect(page.locator('html')).toHaveClass(/dark/)
  await page.getByLabel('Theme').selectOption('light')
  await expect(page.locator('html')).not.toHaveClass(/dark/)
})

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme })
    await openOverview(page)
    await expect(row(page, 'node-1-hetzner-gex44')).toBeVisible()
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/)
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })
}
