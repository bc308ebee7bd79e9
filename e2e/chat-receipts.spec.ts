import type { Request } from '@playwright/test'
import { expect, test } from './support/matrix-fixtures.ts'

// Against a real Synapse (started by the global set-up); each test has its own users and room.
test.describe.configure({ timeout: 180_000 })

// A receipt goes alone (`/receipt/m.read/<event>`) or with the fully-read marker (`/read_markers`).
const isReceipt = (r: Request) =>
  r.method() === 'POST' &&
  (r.url().includes('/receipt/') || (r.url().endsWith('/read_markers') && receiptEventId(r) !== ''))
function receiptEventId(r: Request): string {
  if (r.url().includes('/receipt/')) return decodeURIComponent(r.url().split('/').at(-1) ?? '')
  const body = r.postDataJSON() as { 'm.read'?: unknown } | null
  return typeof body?.['m.read'] === 'string' ? body['m.read'] : ''
}

test('a page load sends one read receipt, for the newest message, and none for the old ones', async ({
  alice,
  bob,
  room,
}) => {
  let last = ''
  for (let i = 1; i <= 40; i++) last = (await bob.api.text(room.roomId, `old ${i}`)).event_id
  await alice.page.goto('/chat')
  // The first visit reads the room up to its newest message, with one receipt.
  const firstReceipt = alice.page.waitForRequest(isReceipt)
  await alice.page.getByLabel('Remember me').check()
  await alice.signIn()
  await expect(alice.page.getByText('old 40', { exact: true })).toBeVisible()
  const first = await firstReceipt
  expect(receiptEventId(first)).toBe(last)

  const receipts: string[] = []
  alice.page.on('request', (r) => {
    if (isReceipt(r)) receipts.push(receiptEventId(r))
  })
  await alice.page.reload()
  await expect(alice.page.getByText('old 40', { exact: true })).toBeVisible({ timeout: 45_000 })
  // A new message after the reload: its receipt is the first and only one the page sends.
  const { event_id } = await bob.api.text(room.roomId, 'after reload')
  await expect(alice.page.getByText('after reload', { exact: true })).toBeVisible()
  await expect.poll(() => receipts).toContain(event_id)
  expect(receipts).toEqual([event_id])
})
