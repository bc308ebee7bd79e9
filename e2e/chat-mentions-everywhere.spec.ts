import type { Page, Request } from '@playwright/test'
import { expect, test } from './support/matrix-fixtures.ts'

// Against a real Synapse (started by the global set-up); each test has its own users and room.
test.describe.configure({ timeout: 180_000 })

interface Shown {
  title: string
  tag: string
}

type TestWindow = Window & {
  __setVisibility: (v: DocumentVisibilityState) => void
  __notificationShown: (title: string, tag: string) => void
}

const isSync = (r: Request) => r.url().includes('/_matrix/client/v3/sync')
const setVisibility = (page: Page, v: DocumentVisibilityState) =>
  page.evaluate((v) => {
    ;(window as unknown as TestWindow).__setVisibility(v)
  }, v)

/**
 * The tab title's count less the open incidents the navigation shows (the demo fleet may have some): what the
 * title counts for mentions. Read in one go, so the two agree.
 */
const mentionsInTitle = (page: Page) =>
  page.evaluate(() => {
    const total = Number(/^\((\d+)\) /.exec(document.title)?.[1] ?? 0)
    const badge = document.querySelectorAll('nav a[href="/incidents"] span[aria-hidden="true"]')[1]
    return total - Number(badge?.textContent ?? 0)
  })

/** Counts the page's /sync requests in flight at once: one client per tab means never more than one. */
function syncConcurrency(page: Page) {
  let open = 0
  const stats = { max: 0 }
  page.on('request', (r) => {
    if (isSync(r)) stats.max = Math.max(stats.max, ++open)
  })
  const done = (r: Request) => {
    if (isSync(r)) open--
  }
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return stats
}

test('bob mentions alice while her tabs show the overview and the events, hidden: one notification, a count in both titles', async ({
  alice,
  bob,
  room,
}) => {
  const shown: Shown[] = []
  await alice.context.exposeFunction('__notificationShown', (title: string, tag: string) => {
    shown.push({ title, tag })
  })
  // The test drives visibility and captures notifications: headless Chromium has neither a real one.
  await alice.context.addInitScript(() => {
    const w = window as unknown as TestWindow
    let visibility: DocumentVisibilityState = 'visible'
    Object.defineProperty(Document.prototype, 'visibilityState', {
      configurable: true,
      get: () => visibility,
    })
    Object.defineProperty(Document.prototype, 'hidden', {
      configurable: true,
      get: () => visibility === 'hidden',
    })
    w.__setVisibility = (v) => {
      visibility = v
      document.dispatchEvent(new Event('visibilitychange'))
    }
    class CapturedNotification {
      static permission: NotificationPermission = 'granted'
      static requestPermission = () => Promise.resolve<NotificationPermission>('granted')
      onclick: (() => void) | null = null
      constructor(title: string, options?: NotificationOptions) {
        w.__notificationShown(title, options?.tag ?? '')
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { configurable: true, value: CapturedNotification })
  })

  await alice.page.goto('/chat')
  await alice.page.getByLabel('Remember me').check()
  await alice.signIn()
  await alice.page.getByRole('button', { name: 'Notify me of mentions' }).click()
  await expect(alice.page.getByRole('button', { name: 'Notify me of mentions' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )

  // Two tabs on views without the chat; each starts its client after the dashboard painted.
  const overview = alice.page
  await overview.goto('about:blank')
  const events = await alice.context.newPage()
  const concurrency = syncConcurrency(overview)
  const caughtUp = (page: Page) => page.waitForRequest((r) => isSync(r) && r.url().includes('since='))
  const overviewSyncing = caughtUp(overview)
  await overview.goto('/')
  await expect(overview.getByRole('heading', { name: 'Fleet overview' })).toBeVisible()
  await overviewSyncing
  const eventsSyncing = caughtUp(events)
  await events.goto('/timeline')
  await eventsSyncing
  await expect(overview.getByRole('complementary', { name: 'Chat panel' })).toHaveCount(0)

  await setVisibility(overview, 'hidden')
  await setVisibility(events, 'hidden')
  await bob.api.text(room.roomId, 'nothing for alice')
  const first = await bob.api.send(room.roomId, {
    msgtype: 'm.text',
    body: `${alice.username}: node-7 is down`,
    'm.mentions': { user_ids: [alice.userId] },
  })
  await expect.poll(() => mentionsInTitle(overview), { timeout: 30_000 }).toBe(1)
  await expect.poll(() => mentionsInTitle(events), { timeout: 30_000 }).toBe(1)
  const second = await bob.api.send(room.roomId, {
    msgtype: 'm.text',
    body: `${alice.username}: and node-8`,
    'm.mentions': { user_ids: [alice.userId] },
  })
  await expect.poll(() => mentionsInTitle(overview), { timeout: 30_000 }).toBe(2)
  await expect.poll(() => mentionsInTitle(events), { timeout: 30_000 }).toBe(2)
  // The demo fleet's incidents notify too (the opt-in is one for the console): only mentions are counted.
  const mentions = () => shown.filter((s) => s.tag.startsWith('mention:'))
  await expect
    .poll(() =>
      mentions()
        .map((s) => s.tag)
        .sort(),
    )
    .toEqual([`mention:${first.event_id}`, `mention:${second.event_id}`].sort())
  expect(mentions().every((s) => s.title.endsWith('· Ops'))).toBe(true)

  // Back on the overview: the count goes; the chat panel opens on the same client, with no second sync loop.
  await setVisibility(overview, 'visible')
  await expect.poll(() => mentionsInTitle(overview)).toBe(0)
  expect(await mentionsInTitle(events)).toBe(2)
  await overview.getByRole('button', { name: 'Open chat' }).click()
  await expect(overview.getByText('and node-8')).toBeVisible({ timeout: 30_000 })
  expect(concurrency.max).toBe(1)
})
