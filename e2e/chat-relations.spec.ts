import type { Page } from '@playwright/test'
import { expect, test } from './support/matrix-fixtures.ts'

// Against a real Synapse (started by the global set-up); each test has its own users and room.
test.describe.configure({ timeout: 180_000 })

const timeline = (page: Page) => page.getByRole('log', { name: 'Messages' })
const body = (page: Page, text: string) =>
  timeline(page).getByTestId('event-body').getByText(text, { exact: true })
const message = (page: Page, text: string) =>
  timeline(page)
    .locator('article')
    .filter({ has: page.getByTestId('event-body').getByText(text, { exact: true }) })

test('replies, reactions, edits, deletions and threads from bob read as in a Matrix client', async ({
  alice,
  bob,
  room,
}) => {
  const { event_id: original } = await bob.api.text(room.roomId, 'the original')
  await bob.api.send(room.roomId, {
    msgtype: 'm.text',
    body: `> <${bob.userId}> the original\n\nthe answer`,
    'm.relates_to': { 'm.in_reply_to': { event_id: original } },
  })
  await bob.api.sendEvent(room.roomId, 'm.reaction', {
    'm.relates_to': { rel_type: 'm.annotation', event_id: original, key: '👀' },
  })
  const { event_id: typo } = await bob.api.text(room.roomId, 'a tpyo')
  await bob.api.send(room.roomId, {
    msgtype: 'm.text',
    body: '* a typo, fixed',
    'm.new_content': { msgtype: 'm.text', body: 'a typo, fixed' },
    'm.relates_to': { rel_type: 'm.replace', event_id: typo },
  })
  const { event_id: doomed } = await bob.api.text(room.roomId, 'soon deleted')
  await bob.api.redact(room.roomId, doomed)
  await bob.api.send(room.roomId, {
    msgtype: 'm.text',
    body: 'said in the thread',
    'm.relates_to': {
      rel_type: 'm.thread',
      event_id: original,
      is_falling_back: true,
      'm.in_reply_to': { event_id: original },
    },
  })
  await bob.api.text(room.roomId, 'the last word')

  await alice.page.goto('/chat')
  await alice.signIn()
  const log = timeline(alice.page)
  await expect(body(alice.page, 'the last word')).toBeVisible()

  // The reply quotes the original, without the fallback lines; its quote jumps to the original.
  const answer = message(alice.page, 'the answer')
  await expect(answer.getByTestId('reply-quote')).toContainText('the original')
  await expect(log.getByText(`> <${bob.userId}> the original`)).toHaveCount(0)
  await answer.getByTestId('reply-quote').click()
  await expect(message(alice.page, 'the original')).toBeFocused()

  // One 👀 chip, naming bob.
  const chip = message(alice.page, 'the original').getByRole('button', { name: /^👀 by / })
  await expect(chip).toHaveText('👀 1')
  await expect(chip).toHaveAttribute('aria-pressed', 'false')

  // The edit replaces the text and says so; the history is there on demand.
  await expect(body(alice.page, 'a typo, fixed')).toBeVisible()
  await expect(log.getByText('* a typo, fixed')).toHaveCount(0)
  const edited = message(alice.page, 'a typo, fixed')
  await edited.getByText('(edited)').click()
  await expect(edited.getByText('a tpyo')).toBeVisible()

  // The deleted message is a placeholder; the thread reply lives in its thread.
  await expect(log.getByText('Message deleted')).toHaveCount(1)
  await expect(log.getByText('soon deleted')).toHaveCount(0)
  await expect(log.getByText('said in the thread', { exact: true })).toHaveCount(0)
  const summary = message(alice.page, 'the original').getByTestId('thread-summary')
  await expect(summary).toContainText('1 replies in thread')
  await summary.click()
  const thread = alice.page.getByRole('region', { name: 'Thread' })
  await expect(thread.getByText('said in the thread', { exact: true })).toBeVisible()
})

test('alice replies, reacts, edits and answers in a thread; the server holds the relations', async ({
  alice,
  bob,
  room,
}) => {
  const { event_id: original } = await bob.api.text(room.roomId, 'bob asks')
  await alice.page.goto('/chat')
  await alice.signIn()
  const composer = alice.page.getByRole('textbox', { name: 'Message' })

  const asked = message(alice.page, 'bob asks')
  await asked.getByRole('button', { name: 'Reply', exact: true }).click()
  await expect(alice.page.getByText(/Replying to/)).toBeVisible()
  await composer.fill('alice answers')
  await composer.press('Enter')
  await asked.getByRole('button', { name: 'React 👀' }).click()
  await expect(asked.getByRole('button', { name: /^👀 by / })).toHaveAttribute('aria-pressed', 'true')

  await composer.fill('first draft')
  await composer.press('Enter')
  const draft = message(alice.page, 'first draft')
  await expect(draft).toHaveAttribute('data-status', /sent/)
  await draft.getByRole('button', { name: 'Edit' }).click()
  await expect(composer).toHaveValue('first draft')
  await composer.fill('final text')
  await composer.press('Enter')
  await expect(body(alice.page, 'final text')).toBeVisible()
  await expect(body(alice.page, 'first draft')).toHaveCount(0)

  await asked.getByRole('button', { name: 'Reply in thread' }).click()
  const threadBox = alice.page.getByRole('textbox', { name: 'Reply in thread' })
  await threadBox.fill('alice in the thread')
  await threadBox.press('Enter')
  await expect(
    alice.page.getByRole('region', { name: 'Thread' }).getByText('alice in the thread', { exact: true }),
  ).toBeVisible()

  const relationOf = async (body: string) =>
    (await bob.api.rawMessages(room.roomId)).find((e) => e.content.body === body)?.content['m.relates_to']
  await expect.poll(() => relationOf('alice answers')).toEqual({ 'm.in_reply_to': { event_id: original } })
  await expect.poll(() => relationOf('* final text')).toMatchObject({ rel_type: 'm.replace' })
  await expect
    .poll(() => relationOf('alice in the thread'))
    .toMatchObject({ rel_type: 'm.thread', event_id: original })
  await expect
    .poll(async () =>
      (await bob.api.rawMessages(room.roomId))
        .filter((e) => e.type === 'm.reaction')
        .map((e) => e.content['m.relates_to']),
    )
    .toEqual([{ rel_type: 'm.annotation', event_id: original, key: '👀' }])
})
