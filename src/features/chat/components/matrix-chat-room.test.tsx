import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { userId } from '@mocks/matrix/homeserver-sim.ts'
import { reloadMatrixSessionFromStorage, useMatrixSessionStore } from '@/lib/matrix/matrix-session-store.ts'
import { fakeLayout, renderChat, resetChatState, server } from '../test/chat-test-harness.tsx'

beforeAll(() => {
  fakeLayout()
  server.listen({ onUnhandledFrame: 'error' })
})
beforeEach(resetChatState)
afterEach(resetChatState)
afterAll(() => server.close())

async function signIn(user: UserEvent, name = 'alice', password = 'demo') {
  await user.type(await screen.findByLabelText('User'), name)
  await user.type(screen.getByLabelText('Password'), password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}

// The first render of a file pays for loading the SDK: allow for it on a busy machine.
const timeline = () => screen.findByRole('log', { name: 'Messages' }, { timeout: 20_000 })

async function send(user: UserEvent, text: string) {
  await user.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`)
}

describe('MatrixChatRoom on the simulated homeserver', { timeout: 40_000 }, () => {
  it('signs in, joins the room and shows names, days and grouped messages', async () => {
    const { sim, user } = renderChat()
    expect(screen.getByText('Demo: any user name, password “demo”.')).toBeInTheDocument()
    await signIn(user)
    const log = await timeline()
    sim.post('olena', 'first live line')
    sim.post('olena', 'second live line')
    await within(log).findByText('second live line')
    const first = within(log).getByText('first live line').closest('article')
    const second = within(log).getByText('second live line').closest('article')
    // The second of two quick messages from one sender is grouped: no name of its own.
    expect(first && within(first).queryByText('Олена Коваленко')).toBeInTheDocument()
    expect(second && within(second).queryByText('Олена Коваленко')).not.toBeInTheDocument()
    expect(within(log).getAllByRole('separator').length).toBeGreaterThan(0)
    expect(sim.isMember(userId('alice'))).toBe(true)
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Live')
  })

  it('explains a wrong password', async () => {
    const { user } = renderChat()
    await signIn(user, 'alice', 'nope')
    expect(await screen.findByText('Wrong user name or password.')).toBeInTheDocument()
  })

  it('echoes a sent message at once and marks it sent, once on the server', async () => {
    const { sim, user } = renderChat()
    await signIn(user)
    const log = await timeline()
    await send(user, 'hello team')
    const msg = await within(log).findByText('hello team')
    await waitFor(() => expect(msg.closest('article')).toHaveAttribute('data-status', 'sent'))
    expect(sim.events.filter((e) => e.content.body === 'hello team')).toHaveLength(1)
  })

  it('offers retry and delete on a failed message while the others keep their order', async () => {
    const { sim, user } = renderChat()
    await signIn(user)
    const log = await timeline()
    await send(user, 'before')
    await waitFor(() => expect(sim.events.some((e) => e.content.body === 'before')).toBe(true))
    server.use(
      http.put('*/demo-matrix/_matrix/client/v3/rooms/:room/send/:type/:txn', () =>
        HttpResponse.json({ errcode: 'M_UNKNOWN', error: 'boom' }, { status: 500 }),
      ),
    )
    await send(user, 'doomed')
    await send(user, 'retried')
    await waitFor(() => expect(within(log).getAllByText('not sent')).toHaveLength(2))
    server.resetHandlers()
    server.use(...(await import('@mocks/matrix/matrix-handlers.ts')).createMatrixHandlers(sim))
    const doomed = within(log).getByText('doomed').closest('article')
    const retried = within(log).getByText('retried').closest('article')
    if (!doomed || !retried) throw new Error('messages missing')
    await user.click(within(doomed).getByRole('button', { name: 'Delete' }))
    await user.click(within(retried).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(sim.events.filter((e) => e.content.body === 'retried')).toHaveLength(1))
    expect(within(log).queryByText('doomed')).not.toBeInTheDocument()
    const bodies = sim.events.map((e) => e.content.body).filter((b) => b === 'before' || b === 'retried')
    expect(bodies).toEqual(['before', 'retried'])
  })

  it('queues what is written while the connection is down and sends it in order', async () => {
    const { sim, user } = renderChat()
    await signIn(user)
    await timeline()
    server.use(
      http.put('*/demo-matrix/_matrix/client/v3/rooms/:room/send/:type/:txn', () => HttpResponse.error()),
    )
    await send(user, 'q1')
    await send(user, 'q2')
    await send(user, 'q3')
    server.resetHandlers()
    server.use(...(await import('@mocks/matrix/matrix-handlers.ts')).createMatrixHandlers(sim))
    await waitFor(
      () =>
        expect(
          sim.events.map((e) => e.content.body).filter((b) => typeof b === 'string' && /^q\d$/.test(b)),
        ).toEqual(['q1', 'q2', 'q3']),
      { timeout: 20_000 },
    )
  })

  it('sends one typing notice for a burst of keys, and a stop on send', async () => {
    const { sim, user } = renderChat()
    await signIn(user)
    await timeline()
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'abcdefgh')
    await waitFor(() => expect(sim.requests.typing).toEqual([{ userId: userId('alice'), typing: true }]))
    await user.keyboard('{Enter}')
    await waitFor(() =>
      expect(sim.requests.typing.at(-1)).toEqual({ userId: userId('alice'), typing: false }),
    )
    expect(sim.requests.typing.filter((r) => r.typing)).toHaveLength(1)
  })

  it('sends no typing notice while activity is not allowed', async () => {
    const { sim, user } = renderChat({ activityAllowed: false })
    await signIn(user)
    await timeline()
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'quiet')
    expect(sim.requests.typing).toEqual([])
  })

  it('shows others typing', async () => {
    const { sim, user } = renderChat()
    await signIn(user)
    await timeline()
    sim.setTyping(userId('olena'), true)
    expect(await screen.findByText('Олена Коваленко is typing…')).toBeInTheDocument()
  })

  it('sanitizes formatted bodies and shows placeholders for other events', async () => {
    const { sim, user } = renderChat()
    await signIn(user)
    const log = await timeline()
    sim.post('olena', 'plain', 'm.text', {
      format: 'org.matrix.custom.html',
      formatted_body:
        '<b>bold</b><img src=x onerror=alert(1)><a href="javascript:alert(1)">bad</a><a href="https://e.org">good</a>',
    })
    sim.postRaw('taras', 'm.room.encrypted', { algorithm: 'm.megolm.v1.aes-sha2', ciphertext: 'x' })
    sim.postRaw('taras', 'org.example.widget', { body: 'x' })
    expect(await within(log).findByText('bold')).toBeInTheDocument()
    expect(log.querySelector('img')).toBeNull()
    // The link whose javascript: target was removed is its plain text, not a dead link.
    const html = within(log).getByText('bold').closest('[data-testid="event-body"]')
    expect(html).toHaveTextContent('boldbadgood')
    expect(html?.querySelectorAll('a')).toHaveLength(1)
    expect(within(log).getByRole('link', { name: 'good' })).toHaveAttribute('rel', 'noopener noreferrer')
    expect(await within(log).findByText(/Encrypted message/)).toBeInTheDocument()
    expect(within(log).getByText('Event of type org.example.widget (not shown)')).toBeInTheDocument()
  })

  it('lists members online first with presence dots and the online count', async () => {
    const { user } = renderChat()
    await signIn(user)
    await timeline()
    await user.click(screen.getByRole('button', { name: 'Members' }))
    const list = await screen.findByRole('list', { name: 'Members' })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3))
    const presences = within(list)
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('data-presence'))
    expect(presences).toEqual(['online', 'online', 'away'])
    expect(within(list).getByText('Тарас Шевчук').closest('li')).toHaveAttribute('data-presence', 'away')
    expect(screen.getByText('2 online')).toBeInTheDocument()
  })

  it('returns to the login with the reason when the token is revoked', async () => {
    const { sim, user } = renderChat()
    await signIn(user)
    await timeline()
    sim.revokeUser(userId('alice'))
    expect(await screen.findByText(/Your session ended/, {}, { timeout: 10_000 })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument()
    expect(sessionStorage.getItem('node-console.matrix.session')).toBeNull()
    // A reload (the store read again from this tab's storage) still says why.
    act(() => reloadMatrixSessionFromStorage())
    expect(screen.getByText(/Your session ended/)).toBeInTheDocument()
    // Signing in again forgets the reason.
    await signIn(user)
    await timeline()
    act(() => reloadMatrixSessionFromStorage())
    expect(screen.queryByText(/Your session ended/)).not.toBeInTheDocument()
  })

  it('forgets a session kept for another homeserver and says so at the login, without starting it', async () => {
    useMatrixSessionStore
      .getState()
      .sessionStarted(
        { homeserverUrl: 'https://old-hs.example', userId: '@alice:old', accessToken: 'tok', deviceId: 'D1' },
        true,
      )
    const asked: string[] = []
    server.events.on('request:start', ({ request }) => asked.push(request.url))
    renderChat()
    expect(await screen.findByText(/was for another homeserver/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument()
    expect(localStorage.getItem('node-console.matrix.session')).toBeNull()
    expect(asked.filter((u) => u.includes('old-hs.example'))).toEqual([])
    server.events.removeAllListeners()
  })
})
