import AxeBuilder from '@axe-core/playwright'
import { expect as baseExpect, test, type Page } from '@playwright/test'

/**
 * The node page on the demo fleet (MSW in the browser, the simulator driven by `page.clock`): identity and
 * profile, the beat strip by keyboard, the chart's ranges, uptime and outages, the fallback to observed
 * history where the registry has no history route, and a profile that answers 500.
 */

const HETZNER = 'node-1-hetzner-gex44'
/** Was silent for 12 minutes, 3 hours before the simulator started. */
const PAST_OUTAGE = 'node-3-worker-fsn1'
/** Its /profile answers 500. */
const PROFILE_500 = 'node-8-worker-par1'

test.use({ locale: 'en-GB', timezoneId: 'UTC' })
// The page's code and its five history queries come from a dev server shared with other runs: on a busy
// machine they can take well over the default 10 s. Assertions still retry; they only wait longer.
const expect = baseExpect.configure({ timeout: 30_000 })
test.describe.configure({ timeout: 120_000 })

async function openNode(page: Page, nodeId: string) {
  // A dialog would mean markup from the registry ran as HTML: fail loudly.
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.type()} ${d.message()}`)
  })
  await page.clock.install()
  await page.goto(`/nodes/${nodeId}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name })
const uptimeOf = async (page: Page, label: string) => {
  const card = region(page, 'Uptime')
    .locator('div')
    .filter({ has: page.getByText(label, { exact: true }) })
  const text = (await card.first().innerText()).replace(/\s+/g, ' ')
  const m = /([\d.]+) %/.exec(text)
  return m ? Number(m[1]) : NaN
}

test('shows the identity, addresses, profile and modules of the production router', async ({ page }) => {
  await openNode(page, HETZNER)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Node #1 — Hetzner GEX44')
  const identity = region(page, 'Identity')
  await expect(identity).toContainText(HETZNER)
  await expect(identity).toContainText('production')
  await expect(identity).toContainText('router')
  await expect(identity).toContainText('online')
  await expect(region(page, 'Addresses')).toContainText('144.76.224.179')
  await expect(region(page, 'Addresses')).toContainText('10.42.0.1')
  await expect(region(page, 'Capabilities')).toContainText('NVIDIA RTX 4000 SFF Ada Generation')

  const profile = region(page, 'Profile')
  await expect(profile).toContainText('2.')
  const modules = profile.getByRole('table', { name: /Modules \(\d+\)/ })
  const registryRow = modules.getByRole('row').filter({ hasText: 'core.node-registry' })
  await expect(registryRow).toContainText('9205')
  await expect(registryRow).toContainText('up')
  await expect(region(page, 'Latest metrics').getByRole('meter', { name: 'CPU' })).toBeVisible()
})

test('the beat strip is reachable by keyboard and tells each beat in a live tooltip', async ({ page }) => {
  await openNode(page, HETZNER)
  const strip = page.getByRole('slider', { name: /^The last (\d+ heartbeats|heartbeat)\./ })
  await expect(strip).toBeVisible()
  // Tab from the link before it: the strip is in the tab order.
  await page.getByRole('link', { name: 'Back to the fleet overview' }).focus()
  await page.keyboard.press('Tab')
  await expect(strip).toBeFocused()
  const count = Number(await strip.getAttribute('aria-valuemax'))
  expect(count).toBeGreaterThanOrEqual(100)
  await expect(page.getByText(new RegExp(`^Beat ${count} of ${count}: `))).toBeVisible()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  const tooltip = page.getByText(
    new RegExp(`^Beat ${count - 2} of ${count}: .*status “online”, .*CPU [\\d.]+%`),
  )
  await expect(tooltip).toBeVisible()
  await expect(tooltip).toHaveAttribute('aria-live', 'polite')
  await page.keyboard.press('Home')
  await expect(page.getByText(new RegExp(`^Beat 1 of ${count}: .*first in view`))).toBeVisible()
})

test('the chart switches between 1 h, 24 h, 7 d and 30 d', async ({ page }) => {
  await openNode(page, HETZNER)
  const history = region(page, 'Heartbeat history')
  const cases = [
    { radio: '1 h', name: 'last hour', resolution: 'every beat' },
    { radio: '7 d', name: 'last 7 days', resolution: '10 m buckets' },
    { radio: '30 d', name: 'last 30 days', resolution: '1 h buckets' },
    { radio: '24 h', name: 'last 24 hours', resolution: '1 m buckets' },
  ]
  for (const c of cases) {
    await history.getByRole('radio', { name: c.radio }).check()
    await expect(history.getByRole('radio', { name: c.radio })).toBeChecked()
    await expect(
      history.getByRole('img', { name: new RegExp(`CPU, memory and disk, ${c.name}`) }),
    ).toBeVisible()
    await expect(history.getByRole('table', { name: `Metrics summary, ${c.name}` })).toBeAttached()
    await expect(history.getByText(c.resolution).first()).toBeVisible()
    await expect(history.getByRole('heading', { name: new RegExp(`Outages, ${c.name}`) })).toBeVisible()
  }
  // Arrow keys move between ranges, as in any radio group.
  await history.getByRole('radio', { name: '24 h' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(history.getByRole('radio', { name: '7 d' })).toBeChecked()
})

test('uptime per window is plausible and the seeded outage is listed with its start and duration', async ({
  page,
}) => {
  await openNode(page, PAST_OUTAGE)
  const startedAt = await page.evaluate(() => window.__nodeConsoleDemo?.sim?.startedAt ?? 0)
  expect(startedAt).toBeGreaterThan(0)
  await expect(region(page, 'Uptime')).toContainText('%')
  await expect.poll(() => uptimeOf(page, '1 h')).toBe(100)
  // 12 minutes silent in 24 hours is about 99.2 %; the 40-minute outage five days ago weighs on 7 d and 30 d.
  const day = await uptimeOf(page, '24 h')
  expect(day).toBeGreaterThan(98.9)
  expect(day).toBeLessThan(99.5)
  expect(await uptimeOf(page, '7 d')).toBeLessThan(99.7)
  expect(await uptimeOf(page, '30 d')).toBeGreaterThan(99.7)

  const outages = page.getByRole('table', { name: /Outages, last 24 hours/ })
  const rows = outages.getByRole('row').filter({ hasNot: page.getByRole('columnheader') })
  await expect(rows).toHaveCount(1)
  const cells = rows.first().getByRole('cell')
  const start = parseEnGb(await cells.nth(0).innerText())
  // Seen through one-minute buckets: the silence began within a minute of three hours before the start.
  expect(Math.abs(start - (startedAt - 3 * 3_600_000))).toBeLessThanOrEqual(60_000)
  await expect(cells.nth(1)).toHaveText(/^1[123] m( \d+ s)?$/)
})

test('without a history route the page shows what it observed, and says so', async ({ page }) => {
  await page.clock.install()
  await page.goto('/')
  await page.waitForFunction(() => window.__nodeConsoleDemo?.sim !== undefined)
  await page.evaluate(() => window.__nodeConsoleDemo?.sim?.setHistoryRoute(false))
  // Navigate inside the app, so the simulator (and its switch) lives on.
  await page.evaluate((id) => {
    window.history.pushState({}, '', `/nodes/${id}`)
    window.dispatchEvent(new PopStateEvent('popstate'))
  }, HETZNER)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Node #1 — Hetzner GEX44')
  await expect(
    page.getByText(/^History unavailable from the registry — showing \d+ beats? observed since \d\d:\d\d\.$/),
  ).toBeVisible()
  await expect(page.getByRole('slider', { name: /^The last (\d+ heartbeats|heartbeat)\./ })).toBeVisible()
  await expect(region(page, 'Latest metrics')).toContainText('Metrics come only with the heartbeat history')
  // Beats keep arriving while the page is open.
  const before = Number(await page.getByRole('slider').getAttribute('aria-valuemax'))
  await page.clock.runFor(70_000)
  await expect
    .poll(async () => Number(await page.getByRole('slider').getAttribute('aria-valuemax')))
    .toBeGreaterThan(before)
})

test('a node whose profile answers 500 is shown without it, with a note', async ({ page }) => {
  await openNode(page, PROFILE_500)
  await expect(region(page, 'Profile')).toContainText('Profile unavailable (registry answered 500)')
  await expect(region(page, 'Identity')).toContainText(PROFILE_500)
  await expect(page.getByRole('slider', { name: /^The last (\d+ heartbeats|heartbeat)\./ })).toBeVisible()
})

test('an unknown node says so and links back', async ({ page }) => {
  await openNode(page, 'node-that-never-was')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Node not found')
  await page.getByRole('link', { name: 'Back to the fleet overview' }).click()
  await expect(page).toHaveURL(/\/$/)
})

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openNode(page, HETZNER)
    await expect(page.getByRole('slider', { name: /^The last (\d+ heartbeats|heartbeat)\./ })).toBeVisible()
    await expect(page.getByRole('img', { name: /CPU, memory and disk/ })).toBeVisible()
    await expect(region(page, 'Profile').getByRole('table')).toBeVisible()
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })
}

/** "29/11/2026, 07:00:00" (en-GB, UTC) → ms. */
function parseEnGb(text: string): number {
  const m = /(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})/.exec(text)
  if (!m) throw new Error(`not an en-GB date and time: ${text}`)
  const [, d, mo, y, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number]
  return Date.UTC(y, mo - 1, d, h, mi, s)
}
