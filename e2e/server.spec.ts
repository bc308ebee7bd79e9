import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { expect as baseExpect, test, type Page } from '@playwright/test'
import postgres from 'postgres'
import { readServerState, type ServerState } from './support/server/server-state.ts'
import { insertBeat, QUIET, seedFleet, STEADY } from './support/server/seed-fleet.ts'
import type { StandInRequests } from './support/server/registry-stand-in.ts'

/**
 * The console served by its own server (`server/`) against a real PostgreSQL and a registry stand-in reading
 * the same database, with the server's Content-Security-Policy enforced: no view breaks it; the node page's
 * history comes from the database; a beat written to the database reaches an open overview and node page
 * through the push stream, with no registry poll; and with the database stopped the node page keeps its data
 * and says history is unavailable, then shows history again once it is back. PostgreSQL, the stand-in and the server: e2e/support/server/.
 */

test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.describe.configure({ mode: 'serial', timeout: 120_000 })
const expect = baseExpect.configure({ timeout: 20_000 })

let state: ServerState
let sql: postgres.Sql
test.beforeAll(async () => {
  state = readServerState()
  sql = postgres(state.adminUrl, { max: 2, onnotice: () => {} })
  await seedFleet(sql, Date.now())
})
test.afterAll(async () => {
  await sql.end({ timeout: 1 })
})

const url = (path: string) => `${state.serverUrl}${path}`
const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name })

async function standInRequests(): Promise<StandInRequests> {
  const res = await fetch(`${state.standInUrl}/__stand-in/requests`)
  return (await res.json()) as StandInRequests
}

/** Every CSP violation the page reports, from any document it loads, as `directive blocked-uri`. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation
      report(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
    })
  })
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  return violations
}

/** The duration of the silence `seedFleet` left an hour ago, in the node page's outages for the last 24 hours. */
const seededOutage = (page: Page) =>
  region(page, 'Heartbeat history')
    .getByRole('table', { name: /Outages, last 24 hours/ })
    .getByRole('cell', { name: /^1[123] m$/ })

/** The push stream is connected once its response has begun. */
const streamOpened = (page: Page) =>
  page.waitForResponse((r) => r.url().endsWith('/api/v1/events') && r.status() === 200)

test('every view and the chat run under the server’s CSP without a violation', async ({ page }) => {
  const violations = await watchCsp(page)
  const response = await page.goto(url('/'))
  const csp = response?.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)

  await expect(page.getByRole('option').filter({ hasText: STEADY.nodeId })).toBeVisible()
  await page.getByRole('link', { name: 'Topology' }).click()
  await expect(page.getByText(STEADY.name).first()).toBeVisible()
  await page.getByRole('link', { name: 'Events' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.goto(url(`/nodes/${STEADY.nodeId}`))
  await expect(region(page, 'Uptime')).toContainText('%')

  // The chat, on the demo homeserver (none configured): matrix-js-sdk's lazy chunk and MSW's worker.
  await page.getByRole('button', { name: 'Open chat' }).click()
  const panel = page.getByRole('complementary', { name: 'Chat panel' })
  const live = panel.getByRole('status').filter({ hasText: 'Live' })
  const signIn = panel.getByRole('button', { name: 'Sign in' })
  await expect(live.or(signIn)).toBeVisible({ timeout: 60_000 })
  if (await signIn.isVisible()) {
    await panel.getByRole('textbox', { name: 'User' }).fill('e2e')
    await panel.getByRole('textbox', { name: 'Password' }).fill('demo')
    await signIn.click()
  }
  await expect(live).toBeVisible({ timeout: 60_000 })
  expect(violations).toEqual([])
})

test('the node page’s chart, uptime and outages come from the database', async ({ page }) => {
  await page.goto(url(`/nodes/${STEADY.nodeId}`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(STEADY.name)
  const history = region(page, 'Heartbeat history')
  await expect(
    history.getByRole('img', { name: /Chart of CPU, memory and disk, last 24 hours/ }),
  ).toBeVisible()
  // The seeded silence: 12 minutes, about an hour ago, in two hours of beats every 30 s (minute buckets).
  await expect(region(page, 'Uptime')).toContainText('%')
  await expect(seededOutage(page)).toHaveCount(1)
  await expect(region(page, 'Latest metrics').getByRole('meter', { name: 'CPU' })).toBeVisible()
  await expect(history).not.toContainText('History unavailable from the registry')
})

test('a beat written to the database reaches an open overview and node page within 2 s, with no registry poll', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC' })
  const overview = await context.newPage()
  const nodePage = await context.newPage()
  const overviewStream = streamOpened(overview)
  await overview.goto(url('/'))
  const row = overview.getByRole('option').filter({ hasText: QUIET.nodeId })
  await expect(row).toContainText('offline')
  await overviewStream
  const nodeStream = streamOpened(nodePage)
  // The profile is read once on opening, beside the fleet: counted before the beat, not taken for a poll after it.
  const profileRead = nodePage.waitForResponse((r) =>
    r.url().endsWith(`/api/v1/nodes/${QUIET.nodeId}/profile`),
  )
  await nodePage.goto(url(`/nodes/${QUIET.nodeId}`))
  await expect(region(nodePage, 'Identity')).toContainText('offline')
  await nodeStream
  await profileRead

  const before = await standInRequests()
  await insertBeat(sql, QUIET, { at: Date.now(), status: 'resumed', cpu: 7 })
  await expect(row).toContainText('online', { timeout: 2_000 })
  await expect(row).toContainText('resumed', { timeout: 2_000 })
  await expect(region(nodePage, 'Identity')).toContainText('online', { timeout: 2_000 })
  await expect(nodePage.getByText('resumed').first()).toBeVisible({ timeout: 2_000 })
  const after = await standInRequests()
  expect(after.nodes, after.recent.join('\n')).toBe(before.nodes)
  await context.close()
})

/** Stops or starts the run's PostgreSQL again (`scripts/postgres.sh pause|resume`), keeping its data. */
const postgresSh = (command: 'pause' | 'resume') =>
  execFileSync('bash', [join(process.cwd(), 'scripts/postgres.sh'), command, state.pgDir])

test('with the database stopped, the node page keeps its history and says it is unavailable; started again, history returns', async ({
  page,
}) => {
  await page.clock.install()
  const stream = streamOpened(page)
  await page.goto(url(`/nodes/${STEADY.nodeId}`))
  const history = region(page, 'Heartbeat history')
  const unavailable = history.getByText('History is unavailable: the console server cannot read its database')
  await expect(seededOutage(page)).toHaveCount(1)
  await stream
  // From here the page's clock moves only when the test says: no history refresh can come in real time.
  await page.clock.pauseAt(Date.now() + 1_000)

  postgresSh('pause')
  try {
    await page.clock.runFor(15_000)
    await expect(unavailable).toBeVisible({ timeout: 30_000 })
    await expect(seededOutage(page)).toHaveCount(1)
    await expect(history.getByRole('table', { name: /Metrics summary/ })).toBeAttached()
    await expect(region(page, 'Latest heartbeats')).not.toContainText('No heartbeats yet')
    const reason = history.locator('details')
    await reason.getByText('Reason', { exact: true }).click()
    await expect(reason).not.toBeEmpty()
  } finally {
    postgresSh('resume')
  }
  await page.clock.resume()
  await expect(unavailable).toBeHidden({ timeout: 30_000 })
  await expect(seededOutage(page)).toHaveCount(1)
  await expect(history.getByRole('table', { name: /Metrics summary/ })).toBeAttached()
})
