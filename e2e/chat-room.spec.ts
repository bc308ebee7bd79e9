import type { Page } from '@playwright/test'
import { expect, test } from './support/matrix-fixtures.ts'

// Against a real Synapse (scripts/synapse.sh, started by the global set-up). Each test has its own users
// and room, so tests never see each other's messages.

// Two browser contexts, a homeserver and the app share a small CI box: allow for a slow machine.
test.describe.configure({ timeout: 180_000 })

const timeline = (page: Page) => page.getByRole('log', { name: 'Messages' })
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' })

async function say(page: Page, text: string) {
  await composer(page).fill(text)
  await composer(page).press('Enter')
}

test('alice signs in through the UI; bob sees her message and answers', async ({ alice, bob }) => {
  await alice.page.goto('/chat')
  await alice.signIn()
  await bob.page.goto('/chat')
  await bob.signIn()

  await say(alice.page, 'Hello from alice')
  await expect(timeline(bob.page).getByText('Hello from alice', { exact: true })).toBeVisible()
  await say(bob.page, 'Hi alice, bob here')
  await expect(timeline(alice.page).getByText('Hi alice, bob here', { exact: true })).toBeVisible()
  // Local echo and remote echo are one message.
  await expect(timeline(alice.page).getByText('Hello from alice', { exact: true })).toHaveCount(1)
  await expect(alice.page.locator('article[data-status="not_sent"]')).toHaveCount(0)

  // Opening the side panel on another view with the session kept: time to a live timeline.
  await alice.page.goto('/timeline')
  const started = Date.now()
  await alice.page.getByRole('button', { name: 'Open chat' }).click()
  const panel = alice.page.getByRole('complementary', { name: 'Chat panel' })
  // The chat chunk (SDK included) loads on this click: allow for a slow box, and report the time.
  await expect(panel.getByRole('status').filter({ hasText: 'Live' })).toBeVisible({ timeout: 60_000 })
  await expect(panel.getByText('Hi alice, bob here', { exact: true })).toBeVisible()
  const ms = Date.now() - started
  test.info().annotations.push({ type: 'panel-to-live-ms', description: String(ms) })
  console.log(`chat panel open → live timeline: ${ms} ms`)
})

test('scrolling back reaches the first of 300 messages seeded through the API', async ({
  alice,
  bob,
  room,
}) => {
  test.setTimeout(300_000)
  // The first one strictly first; the other 299 ten at a time (their mutual order does not matter here).
  await bob.api.text(room.roomId, 'history 001')
  const rest = Array.from({ length: 299 }, (_, i) => `history ${String(i + 2).padStart(3, '0')}`)
  for (let i = 0; i < rest.length; i += 10) {
    await Promise.all(rest.slice(i, i + 10).map((body) => bob.api.text(room.roomId, body)))
  }
  await bob.api.text(room.roomId, 'history done')
  await alice.page.goto('/chat')
  await alice.signIn()
  const log = timeline(alice.page)
  await expect(log.getByText('history done', { exact: true })).toBeVisible()
  await log.hover()
  // In the viewport, not merely rendered: the virtualizer renders a few rows beyond what is shown, and a
  // page that lands keeps the reader where they were, so the first message can be rendered off-screen.
  const start = log.getByText('Start of the room')
  await expect(async () => {
    await alice.page.mouse.wheel(0, -4000)
    await expect(start).toBeInViewport({ timeout: 1000 })
  }).toPass({ timeout: 60_000 })
  await expect(log.getByText('history 001', { exact: true })).toBeInViewport()
})

test('messages written offline are delivered after reconnecting, in order, once', async ({
  alice,
  bob,
  room,
}) => {
  await alice.page.goto('/chat')
  await alice.signIn()
  await alice.context.setOffline(true)
  for (const n of [1, 2, 3]) await say(alice.page, `offline ${n}`)
  // Kept locally, waiting, in the order written.
  await expect(
    timeline(alice.page).locator('article[data-status="sending"], article[data-status="queued"]'),
  ).toHaveCount(3)
  await alice.context.setOffline(false)
  await expect
    .poll(
      async () =>
        (await bob.api.messages(room.roomId)).map((m) => m.body).filter((b) => b.startsWith('offline')),
      {
        timeout: 30_000,
      },
    )
    .toEqual(['offline 1', 'offline 2', 'offline 3'])
  await expect(
    timeline(alice.page).locator('article[data-status="sending"], article[data-status="queued"]'),
  ).toHaveCount(0, {
    timeout: 30_000,
  })
  for (const n of [1, 2, 3]) {
    await expect(timeline(alice.page).getByText(`offline ${n}`, { exact: true })).toHaveCount(1)
  }
})

test('a failed message offers retry, and retrying delivers it', async ({ alice, bob, room }) => {
  await alice.page.goto('/chat')
  await alice.signIn()
  let failing = true
  await alice.context.route('**/send/m.room.message/**', (route) =>
    failing
      ? route.fulfill({ status: 500, json: { errcode: 'M_UNKNOWN', error: 'Internal error' } })
      : route.fallback(),
  )
  await say(alice.page, 'first try fails')
  const failed = timeline(alice.page).locator('article[data-status="not_sent"]')
  await expect(failed).toHaveCount(1)
  await expect(failed.getByText('not sent')).toBeVisible()
  failing = false
  await failed.getByRole('button', { name: 'Retry' }).click()
  await expect(failed).toHaveCount(0)
  await expect
    .poll(
      async () => (await bob.api.messages(room.roomId)).filter((m) => m.body === 'first try fails').length,
    )
    .toBe(1)
})

test('bob sees alice typing', async ({ alice, bob }) => {
  await alice.page.goto('/chat')
  await alice.signIn()
  await bob.page.goto('/chat')
  await bob.signIn()
  await composer(alice.page).pressSequentially('hel')
  await expect(bob.page.getByText(`${alice.username} is typing…`)).toBeVisible()
})

test('HTML with an onerror image and a javascript: link arrives inert', async ({ alice, bob, room }) => {
  const dialogs: string[] = []
  alice.page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await alice.page.goto('/chat')
  await alice.signIn()
  await bob.api.send(room.roomId, {
    msgtype: 'm.text',
    body: 'bold click me safe',
    format: 'org.matrix.custom.html',
    formatted_body:
      '<b>bold</b><img src=x onerror="alert(1)"><a href="javascript:alert(2)">click me</a> <a href="https://example.org/">safe</a><script>alert(3)</script>',
  })
  const log = timeline(alice.page)
  await expect(log.getByText('bold', { exact: true })).toBeVisible()
  await expect(log.locator('img')).toHaveCount(0)
  await expect(log.locator('script')).toHaveCount(0)
  // The link whose javascript: target was removed is its plain text, not a dead link.
  await expect(log.locator('a', { hasText: 'click me' })).toHaveCount(0)
  await log.getByText('click me').click()
  const safe = log.getByRole('link', { name: 'safe' })
  await expect(safe).toHaveAttribute('rel', 'noopener noreferrer')
  await expect(safe).toHaveAttribute('target', '_blank')
  expect(dialogs).toEqual([])
})

test('a revoked token returns alice to the login with the reason', async ({ alice, homeserver }) => {
  await alice.page.goto('/chat')
  await alice.signIn()
  const token = await alice.page.evaluate(() => {
    const raw = sessionStorage.getItem('node-console.matrix.session')
    return raw ? (JSON.parse(raw) as { accessToken: string }).accessToken : ''
  })
  const res = await fetch(`${homeserver.baseUrl}/_matrix/client/v3/logout`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: '{}',
  })
  expect(res.ok).toBe(true)
  // The next request the app makes meets M_UNKNOWN_TOKEN: at the latest the next /sync, once the current
  // long-poll (30 s) ends.
  await expect(alice.page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 45_000 })
  await expect(alice.page.getByText(/Your session ended/)).toBeVisible()
  expect(await alice.page.evaluate(() => sessionStorage.getItem('node-console.matrix.session'))).toBeNull()
})
