import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { userId } from '@mocks/matrix/homeserver-sim.ts'
import { useNotificationOptIn } from '@/lib/notify/notification-opt-in.ts'
import { fakeLayout, renderChat, resetChatState, server } from '../test/chat-test-harness.tsx'

beforeAll(() => {
  fakeLayout()
  server.listen({ onUnhandledFrame: 'error' })
})
beforeEach(resetChatState)
afterEach(() => {
  resetChatState()
  vi.unstubAllGlobals()
  useNotificationOptIn.setState({ enabled: false })
})
afterAll(() => server.close())

async function signIn(user: UserEvent) {
  await user.type(await screen.findByLabelText('User'), 'alice')
  await user.type(screen.getByLabelText('Password'), 'demo')
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}

const timeline = () => screen.findByRole('log', { name: 'Messages' }, { timeout: 20_000 })

describe('reading the room', { timeout: 40_000 }, () => {
  it('draws mentions as pills and highlights the messages that mention me', async () => {
    const { sim, user } = renderChat()
    await signIn(user)
    const log = await timeline()
    sim.post('olena', 'alice: look at node-7 with @taras:demo.local', 'm.text', {
      'm.mentions': { user_ids: [userId('alice')] },
      format: 'org.matrix.custom.html',
      formatted_body: `<a href="https://matrix.to/#/${userId('alice')}">alice</a>: look at <b>node-7</b> with @taras:demo.local`,
    })
    sim.post('taras', 'nothing for alice here', 'm.text', { 'm.mentions': {} })
    sim.post('taras', 'see #ops:demo.local')
    const mention = (await within(log).findByText('node-7')).closest('article')
    if (!mention) throw new Error('no article')
    expect(mention).toHaveAttribute('data-mentions-me', 'true')
    expect(mention).toHaveAccessibleName(/Mentions you$/)
    expect(within(mention).getByRole('link', { name: 'User alice' })).toHaveAttribute(
      'href',
      `https://matrix.to/#/${encodeURIComponent(userId('alice'))}`,
    )
    expect(within(mention).getByRole('link', { name: 'User Тарас Шевчук' })).toHaveTextContent(
      '@Тарас Шевчук',
    )
    // Intentional mentions: my name in a message that mentions nobody is not a ping.
    const quiet = (await within(log).findByText('nothing for alice here')).closest('article')
    expect(quiet).not.toHaveAttribute('data-mentions-me')
    expect(await within(log).findByRole('link', { name: 'Room Ops' })).toHaveTextContent('Ops')
  })

  it('sends Markdown as sanitized HTML, keeps plain messages plain, shows an unsafe link as text', async () => {
    const { sim, user } = renderChat()
    await signIn(user)
    const log = await timeline()
    const box = screen.getByRole('textbox', { name: 'Message' })
    await user.type(box, 'just words{Enter}')
    await user.type(box, '**bold** [[x](javascript:alert(1)) https://example.org{Enter}')
    await waitFor(() =>
      expect(
        sim.events.filter((e) => e.sender === userId('alice') && e.type === 'm.room.message'),
      ).toHaveLength(2),
    )
    const [plain, rich] = sim.events.filter(
      (e) => e.sender === userId('alice') && e.type === 'm.room.message',
    )
    expect(plain?.content).toEqual({ msgtype: 'm.text', body: 'just words', 'm.mentions': {} })
    expect(rich?.content.format).toBe('org.matrix.custom.html')
    expect(rich?.content.formatted_body).toContain('<strong>bold</strong>')
    expect(rich?.content.formatted_body).not.toMatch(/javascript/)
    const shown = (await within(log).findByText('bold')).closest('[data-testid="event-body"]')
    expect(shown).toHaveTextContent('bold x https://example.org')
    expect(
      within(shown as HTMLElement)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['https://example.org'])
  })

  it('puts the unread line where I left off, after a reload with new messages', async () => {
    const { sim, user } = renderChat()
    // Alice was here before: a member, her receipt on the last message she read.
    sim.join(userId('alice'))
    const read = sim.post('olena', 'the last one I read')
    sim.receipt(userId('alice'), read.event_id)
    sim.post('taras', 'first unread')
    sim.post('olena', 'second unread')
    await signIn(user)
    const log = await timeline()
    const line = await within(log).findByRole('separator', { name: 'New messages' })
    expect(line.nextElementSibling).toHaveTextContent('first unread')
    expect(line.previousElementSibling).toBeNull()
    expect(within(log).getAllByRole('separator', { name: 'New messages' })).toHaveLength(1)
  })
})
