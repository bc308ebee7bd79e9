import { expect, test, type Page } from '@playwright/test'

/**
 * The fleet's event timeline on the demo fleet (MSW in the browser, the simulator and polling on `page.clock`).
 */

const FALLS_SILENT = 'node-7-worker-lon1'
const PAUSED = 'node-8-worker-par1'

async function openTimeline(page: Page, path = '/timeline') {
  await page.clock.install()
  await page.goto(path)
  // The first load compiles the app on the dev server: allow it time on a busy machine.
  await expect(page.getByRole('heading', { name: 'Fleet events' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('status').filter({ hasText: / events$/ })).toBeVisible()
}

/** Moves the faked time forward in steps, so each poll on the way fires (as it would in real time). */
async function advance(page: Page, ms: number, step = 10_000) {
  for (let done = 0; done < ms; done += step) await page.clock.runFor(Math.min(step, ms - done))
}

const events = (page: Page) => page.getByRole('list', { name: 'Events, newest first' })
const event = (page: Page, kind: string, nodeId: string) =>
  events(page).locator(`article[data-event-kind="${kind}"][data-node-id="${nodeId}"]`)

test.use({ locale: 'en-GB' })
test.describe.configure({ timeout: 120_000 })

test('shows a silence as it happens, and the recovery with the outage duration', async ({ page }) => {
  await openTimeline(page)
  // The scripted silence, 90 s after start: stale, then offline, both without a reload.
  await advance(page, 150_000)
  await expect(event(page, 'stale', FALLS_SILENT)).toContainText(/ongoing for|lasted/)
  await advance(page, 90_000)
  await expect(event(page, 'offline', FALLS_SILENT)).toContainText(/ongoing for \d+ (s|m)/)
  await expect(event(page, 'stale', FALLS_SILENT)).toContainText('lasted 1 m 15 s')

  // Another node paused for four minutes, then resumed: it comes back with the outage's duration.
  await page.evaluate((id) => window.__nodeConsoleDemo?.sim?.silence(id), PAUSED)
  await advance(page, 240_000)
  await expect(event(page, 'offline', PAUSED)).toContainText('ongoing for')
  await page.evaluate((id) => window.__nodeConsoleDemo?.sim?.resume(id), PAUSED)
  await advance(page, 70_000)
  // One return, and only one: a poll in flight while the faked clock jumps claims no silence of its own.
  const back = event(page, 'recovered', PAUSED)
  await expect(back).toHaveCount(1)
  await expect(back).toContainText(/after an outage of (4|5) m( \d+ s)?/)
  await expect(event(page, 'offline', PAUSED)).toContainText(/lasted \d+ m/)
  // Newest first: the return is the first event in the list.
  await expect(events(page).locator('article').first()).toHaveAttribute('data-event-kind', 'recovered')
  await expect(back.locator('time')).toContainText(/sec\. ago|min\. ago/)
})

test('filters by node and kind live in the URL, and an event opens its node page', async ({ page }) => {
  await openTimeline(page, `/timeline?node=${FALLS_SILENT}&kind=offline`)
  await expect(page.getByRole('searchbox', { name: 'Node' })).toHaveValue(FALLS_SILENT)
  await expect(page.getByRole('button', { name: 'Went offline' })).toHaveAttribute('aria-pressed', 'true')
  await advance(page, 240_000)
  await expect(event(page, 'offline', FALLS_SILENT)).toBeVisible()
  await expect(events(page).locator('article')).toHaveCount(1)

  await page.getByRole('button', { name: 'Went stale' }).click()
  await expect(page).toHaveURL(/kind=stale%2Coffline|kind=stale,offline/)
  await expect(events(page).locator('article')).toHaveCount(2)

  await event(page, 'offline', FALLS_SILENT).getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`/nodes/${FALLS_SILENT}$`))
})

test('shows the orphan and says so when the registry has no history route', async ({ page }) => {
  await openTimeline(page)
  await expect(event(page, 'orphan', 'node-worker-ams1-3f9a1c2e')).toContainText(
    'replaced by node-worker-ams1-b71d04e5',
  )
  await page.evaluate(() => window.__nodeConsoleDemo?.sim?.setHistoryRoute(false))
  // The next history window (one a minute) meets the 404.
  await advance(page, 70_000)
  await expect(page.getByRole('status').filter({ hasText: 'no history route (404)' })).toBeVisible()
  // What the page observed still tells the story.
  await advance(page, 150_000)
  await expect(event(page, 'stale', FALLS_SILENT)).toContainText('seen in this browser')
})
