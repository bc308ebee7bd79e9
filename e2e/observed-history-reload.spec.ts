import { expect, test, type Page } from '@playwright/test'

/**
 * Without a history route or a console server, what the page observed is kept in the browser: a reload keeps
 * the outages it saw (demo fleet on MSW, the simulator and polling on `page.clock`).
 */

const PAUSED = 'node-8-worker-par1'

test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.describe.configure({ timeout: 180_000 })

/** Moves the faked time forward in steps, so each poll on the way fires (as it would in real time). */
async function advance(page: Page, ms: number, step = 10_000) {
  for (let done = 0; done < ms; done += step) await page.clock.runFor(Math.min(step, ms - done))
}

const events = (page: Page) => page.getByRole('list', { name: 'Events, newest first' })
const event = (page: Page, kind: string, nodeId: string) =>
  events(page).locator(`article[data-event-kind="${kind}"][data-node-id="${nodeId}"]`)

/**
 * A registry without a history route on every load of the page: the simulator's route is switched off the
 * moment the demo hands the simulator over, before the app's first read (a switch after the page had painted
 * raced the Events page's first history read, which then showed the simulator's own history).
 */
async function withoutHistoryRoute(page: Page) {
  await page.addInitScript(() => {
    let demo: Window['__nodeConsoleDemo']
    Object.defineProperty(window, '__nodeConsoleDemo', {
      configurable: true,
      get: () => demo,
      set: (value: Window['__nodeConsoleDemo']) => {
        demo = value
        value?.sim?.setHistoryRoute(false)
      },
    })
  })
}

async function openTimeline(page: Page) {
  await page.goto('/timeline')
  await expect(page.getByRole('heading', { name: 'Fleet events' })).toBeVisible({ timeout: 30_000 })
  await page.waitForFunction(() => window.__nodeConsoleDemo?.sim?.historyRoute === false)
}

test('a reload keeps the outages observed before it', async ({ page }) => {
  await page.clock.install()
  await withoutHistoryRoute(page)
  await openTimeline(page)
  await page.evaluate((id) => window.__nodeConsoleDemo?.sim?.silence(id), PAUSED)
  await advance(page, 200_000)
  await page.evaluate((id) => window.__nodeConsoleDemo?.sim?.resume(id), PAUSED)
  // The return, then a write to the browser's store (batched every 10 s, in idle time).
  await advance(page, 40_000)
  await expect(event(page, 'recovered', PAUSED)).toHaveCount(1)
  await expect(event(page, 'offline', PAUSED)).toHaveCount(1)
  const outage = /after an outage of \d+ m( \d+ s)?/
  const recovered = (await event(page, 'recovered', PAUSED).innerText()).match(outage)?.[0]
  expect(recovered).toBeDefined()

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Fleet events' })).toBeVisible({ timeout: 30_000 })
  // The simulator starts afresh and knows nothing of the silence: only the browser's store does.
  await expect(event(page, 'recovered', PAUSED)).toHaveCount(1)
  await expect(event(page, 'offline', PAUSED)).toHaveCount(1)
  expect((await event(page, 'recovered', PAUSED).innerText()).match(outage)?.[0]).toBe(recovered)
  await expect(page.getByText(/kept in this browser since .*, for up to 7 days/)).toBeVisible()

  // And on the node's own page.
  await event(page, 'recovered', PAUSED).getByRole('link').click()
  await expect(page.getByRole('table', { name: /Outages/ }).getByRole('row')).not.toHaveCount(0, {
    timeout: 30_000,
  })
})
