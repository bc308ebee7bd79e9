import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '@/testing/render-with-providers.tsx'
import { roomIncidents } from '../model/room-incidents.ts'
import {
  ackReaction,
  BOT,
  createActionsDouble,
  createIncident,
  incidentPost,
  ME,
  T0,
} from '../testing/incident-fixtures.ts'
import { IncidentsView, type IncidentsSource } from './incidents-view.tsx'

const person = (id: string) => <span>{id.slice(1).split(':')[0]}</span>
const render = (source: IncidentsSource) =>
  renderWithProviders(<IncidentsView source={source} renderPerson={person} nameOf={(id) => id} />, {
    path: '/incidents',
  })

describe('the Incidents view', () => {
  it("shows an open incident's nodes as links, who is on it, and sends my 👀 with I'm on it", async () => {
    const post = incidentPost(createIncident({ nodes: ['node-a', 'node-b'], down: ['node-a', 'node-b'] }))
    const data = roomIncidents([post, ackReaction('@bob:hs', post, T0 + 60_000)], BOT, T0 + 120_000)
    const actions = createActionsDouble()
    const { user } = render({ status: 'ready', data, actions, local: false })

    const card = screen.getByRole('article')
    expect(within(card).getByRole('link', { name: 'node-b' })).toHaveAttribute('href', '/nodes/node-b')
    expect(within(card).getByText('Acknowledged')).toBeVisible()
    expect(within(card).getByTestId('acker')).toHaveTextContent('bob is on it')
    await user.click(within(card).getByRole('button', { name: "I'm on it" }))
    expect(actions.acknowledge).toHaveBeenCalledWith(post.event_id)
  })

  it('says "you are on it" and lets me take it back; a refusal is a sentence with details', async () => {
    const post = incidentPost(createIncident())
    const mine = ackReaction(ME, post, T0 + 1000)
    const data = roomIncidents([post, mine], BOT, T0 + 2000)
    const actions = createActionsDouble({
      withdraw: vi.fn(() => Promise.reject(new Error('M_FORBIDDEN: nope'))),
    })
    const { user } = render({ status: 'ready', data, actions, local: false })

    expect(screen.getByText('You are on it')).toBeVisible()
    expect(screen.queryByRole('button', { name: "I'm on it" })).toBeNull()
    await user.click(screen.getByRole('button', { name: "I'm off it" }))
    expect(actions.withdraw).toHaveBeenCalledWith(mine.event_id)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The room did not take that. Try again.')
    await user.click(within(alert).getByText('Technical details'))
    expect(within(alert).getByText('M_FORBIDDEN: nope')).toBeVisible()
  })

  it('lists resolved incidents with how long they lasted, and says when none is open', () => {
    const done = createIncident({ state: 'resolved', down: [], resolvedAt: T0 + 45 * 60_000 })
    const data = roomIncidents([incidentPost(done)], BOT, T0 + 3_600_000)
    render({ status: 'ready', data, actions: createActionsDouble(), local: false })
    expect(screen.getByText(/No open incidents/)).toBeVisible()
    expect(screen.getByText(/Resolved after 45/)).toBeVisible()
  })

  it('says plainly that nobody is notified when the incidents are derived without a bot', () => {
    render({
      status: 'ready',
      data: { open: [], resolved: [], maintenance: new Map() },
      actions: null,
      local: true,
    })
    expect(screen.getByText(/nobody is being notified/)).toBeVisible()
  })

  it('tells a signed-out user to sign in to the chat, and a failure offers a retry', async () => {
    const { unmount } = render({ status: 'signed-out' })
    expect(screen.getByRole('link', { name: 'Open the chat' })).toHaveAttribute('href', '/chat')
    unmount()
    const retry = vi.fn()
    const { user } = render({ status: 'error', detail: 'M_UNKNOWN', retry })
    expect(screen.getByRole('alert')).toHaveTextContent('The team room could not be read')
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    expect(retry).toHaveBeenCalled()
  })
})
