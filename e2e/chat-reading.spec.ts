import type { Page } from '@playwright/test'
import { expect, test } from './support/matrix-fixtures.ts'
import { solidPng } from './support/tiny-png.ts'

// Against a real Synapse (started by the global set-up); each test has its own users and room.
test.describe.configure({ timeout: 180_000 })

const timeline = (page: Page) => page.getByRole('log', { name: 'Messages' })
const message = (page: Page, text: string) => timeline(page).locator('article').filter({ hasText: text })

test('bob mentions alice: a pill with her name, and the message stands out for her', async ({
  alice,
  bob,
  room,
}) => {
  await bob.api.text(room.roomId, 'not for anyone')
  await bob.api.send(room.roomId, {
    msgtype: 'm.text',
    body: `${alice.username}: node-7 is down`,
    format: 'org.matrix.custom.html',
    formatted_body: `<a href="https://matrix.to/#/${alice.userId}">${alice.username}</a>: node-7 is down`,
    'm.mentions': { user_ids: [alice.userId] },
  })
  await alice.page.goto('/chat')
  await alice.signIn()
  const mention = message(alice.page, 'node-7 is down')
  await expect(mention.getByRole('link', { name: `User ${alice.username}` })).toBeVisible()
  await expect(mention).toHaveAttribute('data-mentions-me', 'true')
  await expect(message(alice.page, 'not for anyone')).not.toHaveAttribute('data-mentions-me')
})

test('alice writes Markdown: bob gets sanitized HTML, the unsafe link is text on her side', async ({
  alice,
  bob,
  room,
}) => {
  await alice.page.goto('/chat')
  await alice.signIn()
  const box = alice.page.getByRole('textbox', { name: 'Message' })
  await box.fill('**bold** [x](javascript:alert(1)) https://example.org')
  await box.press('Enter')

  const shown = message(alice.page, 'bold')
  await expect(shown).toHaveAttribute('data-status', 'sent', { timeout: 20_000 })
  await expect(shown.getByTestId('event-body')).toHaveText('bold x https://example.org')
  await expect(shown.locator('strong')).toHaveText('bold')
  await expect(shown.getByRole('link')).toHaveCount(1)
  await expect(shown.getByRole('link', { name: 'https://example.org' })).toHaveAttribute(
    'rel',
    'noopener noreferrer',
  )

  const sent = (await bob.api.rawMessages(room.roomId)).find(
    (e) => e.sender === alice.userId && e.type === 'm.room.message',
  )
  expect(sent?.content.format).toBe('org.matrix.custom.html')
  expect(sent?.content.formatted_body).toContain('<strong>bold</strong>')
  expect(sent?.content.formatted_body).not.toMatch(/javascript/i)
  expect(sent?.content.body).toBe('**bold** [x](javascript:alert(1)) https://example.org')
})

test('an image from bob shows as an authenticated thumbnail in a box of its size', async ({
  alice,
  bob,
  room,
}) => {
  const mxc = await bob.api.upload(solidPng(120, 60), 'image/png', 'graph.png')
  await bob.api.send(room.roomId, {
    msgtype: 'm.image',
    body: 'graph.png',
    url: mxc,
    info: { w: 120, h: 60, mimetype: 'image/png' },
  })
  await bob.api.text(room.roomId, 'after the picture')
  await alice.page.goto('/chat')
  await alice.signIn()
  const image = timeline(alice.page).getByTestId('message-image')
  await expect(image).toBeVisible()
  expect(await image.boundingBox()).toMatchObject({ width: 120, height: 60 })
  const img = image.getByRole('img', { name: 'Image graph.png' })
  await expect(img).toHaveAttribute('src', /^blob:/)
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0)
})

test('after a reload with new messages from bob, the unread line is where alice left off', async ({
  alice,
  bob,
  room,
}) => {
  const { event_id: seen } = await bob.api.text(room.roomId, 'read before leaving')
  await alice.page.goto('/chat')
  await alice.page.getByLabel('Remember me').check()
  await alice.signIn()
  await expect(message(alice.page, 'read before leaving')).toBeVisible()
  await alice.api.readUpTo(room.roomId, seen)
  await expect(timeline(alice.page).getByRole('separator', { name: 'New messages' })).toHaveCount(0)

  await alice.page.goto('about:blank')
  await bob.api.text(room.roomId, 'first news')
  await bob.api.text(room.roomId, 'second news')
  await alice.page.goto('/chat')
  const line = timeline(alice.page).getByRole('separator', { name: 'New messages' })
  await expect(line).toBeVisible({ timeout: 45_000 })
  await expect(timeline(alice.page).locator('[data-testid="unread-line"] + article')).toContainText(
    'first news',
  )
})

test('in a narrow panel the members lie over the messages, and the composer hint fits', async ({
  alice,
  bob,
  room,
}) => {
  await bob.api.text(room.roomId, 'a message to read')
  await alice.page.setViewportSize({ width: 480, height: 800 })
  await alice.page.goto('/chat')
  await alice.signIn()
  const log = timeline(alice.page)
  const before = await log.boundingBox()
  await alice.page.getByRole('button', { name: 'Members' }).click()
  await expect(alice.page.getByRole('list', { name: 'Members' })).toBeVisible()
  // The messages keep their width: the list is over them, not beside them.
  expect((await log.boundingBox())?.width).toBe(before?.width)
  const box = alice.page.getByRole('textbox', { name: 'Message' })
  await expect(box).toHaveAttribute('placeholder', 'Message…')
  await expect(box).toHaveAccessibleDescription('Message (Enter sends, Shift+Enter for a new line)')
})
