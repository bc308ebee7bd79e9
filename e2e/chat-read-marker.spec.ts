import type { Page } from '@playwright/test'
import { expect, test } from './support/matrix-fixtures.ts'

// Against a real Synapse (started by the global set-up); each test has its own users and room.
test.describe.configure({ timeout: 180_000 })

const timeline = (page: Page) => page.getByRole('log', { name: 'Messages' })
const liveStatus = (page: Page) => page.getByRole('status').filter({ hasText: 'Live' })

test('"Mark as read" moves alice\'s fully-read marker: no unread line after a reload, and the server agrees', async ({
  alice,
  bob,
  room,
}) => {
  const { event_id: seen } = await bob.api.text(room.roomId, 'seen before leaving')
  await alice.page.setViewportSize({ width: 900, height: 600 })
  await alice.page.goto('/chat')
  await alice.page.getByLabel('Remember me').check()
  await alice.signIn()
  await expect(timeline(alice.page).getByText('seen before leaving')).toBeVisible()
  // Caught up at the bottom: the marker follows, as Element's does.
  await expect.poll(() => alice.api.fullyRead(room.roomId), { timeout: 20_000 }).toBe(seen)

  await alice.page.goto('about:blank')
  let newest = ''
  for (let i = 1; i <= 30; i++) newest = (await bob.api.text(room.roomId, `news ${i}`)).event_id
  await alice.page.goto('/chat')
  await expect(liveStatus(alice.page)).toBeVisible({ timeout: 45_000 })
  await expect(timeline(alice.page).getByText('news 30', { exact: true })).toBeVisible()
  const jump = alice.page.getByRole('button', { name: 'Jump to first unread' })
  await expect(jump).toBeVisible()
  // The receipt follows the newest message on screen; the marker stays until she has read them.
  await expect.poll(async () => (await bob.api.readReceipts(room.roomId))[alice.userId]).toBe(newest)
  expect(await alice.api.fullyRead(room.roomId)).toBe(seen)

  await alice.page.getByRole('button', { name: 'Mark as read' }).click()
  await expect(jump).toHaveCount(0)
  await expect.poll(() => alice.api.fullyRead(room.roomId), { timeout: 20_000 }).toBe(newest)
  expect((await bob.api.readReceipts(room.roomId))[alice.userId]).toBe(newest)

  await alice.page.reload()
  await expect(liveStatus(alice.page)).toBeVisible({ timeout: 45_000 })
  await expect(timeline(alice.page).getByText('news 30', { exact: true })).toBeVisible()
  await expect(jump).toHaveCount(0)
  await expect(timeline(alice.page).getByRole('separator', { name: 'New messages' })).toHaveCount(0)
})
