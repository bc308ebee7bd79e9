import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '@/testing/render-with-providers.tsx'
import type { IncidentActions } from '../model/incident-actions.ts'
import { roomIncidents, type RoomIncidents } from '../model/room-incidents.ts'
import { BOT, createActionsDouble, createIncident, incidentPost, T0 } from '../testing/incident-fixtures.ts'
import { NodeIncidentPanel } from './node-incident-panel.tsx'

const HOUR = 3_600_000
const render = (data: RoomIncidents, actions: IncidentActions) =>
  renderWithProviders(
    <NodeIncidentPanel
      nodeId="node-a"
      source={{ status: 'ready', data, actions, local: false }}
      renderPerson={(id) => <span>{id}</span>}
      nameOf={(id) => id.slice(1).split(':')[0] ?? id}
      now={() => T0}
    />,
  )

describe("the node page's incidents", () => {
  it('shows the open incident with a link to it, and its maintenance with who set it', () => {
    const incident = incidentPost(createIncident({ id: 'nodes-x' }))
    const data = roomIncidents([incident], BOT, T0)
    const withMaintenance = {
      ...data,
      maintenance: new Map([
        ['node-a', { until: T0 + 2 * HOUR, reason: 'disk swap', setBy: '@carol:hs', from: T0 }],
      ]),
    }
    render(withMaintenance, createActionsDouble())
    expect(screen.getByRole('link', { name: 'Go to the incident' })).toHaveAttribute(
      'href',
      '/incidents#incident-nodes-x',
    )
    const status = screen.getByText(/Under maintenance until/).closest('[role="status"]')
    expect(status).toHaveTextContent('disk swap')
    expect(status).toHaveTextContent('set by carol')
  })

  it('sets maintenance for a chosen duration and reason from an accessible dialog', async () => {
    const actions = createActionsDouble()
    const { user } = render(roomIncidents([], BOT, T0), actions)
    await user.click(screen.getByRole('button', { name: 'Maintenance…' }))
    const dialog = screen.getByRole('dialog', { name: 'Maintenance of node-a' })
    expect(within(dialog).getByRole('radio', { name: '30 minutes' })).toHaveFocus()
    await user.click(within(dialog).getByRole('radio', { name: '4 hours' }))
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'kernel update')
    await user.click(within(dialog).getByRole('button', { name: 'Set maintenance' }))
    expect(actions.setMaintenance).toHaveBeenCalledWith('node-a', T0 + 4 * HOUR, 'kernel update')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('takes a custom number of minutes, refuses a nonsense one, and closes on Escape', async () => {
    const actions = createActionsDouble()
    const { user } = render(roomIncidents([], BOT, T0), actions)
    await user.click(screen.getByRole('button', { name: 'Maintenance…' }))
    const custom = screen.getByRole('spinbutton', { name: 'Other (minutes)' })
    await user.clear(custom)
    await user.type(custom, '0')
    expect(screen.getByText('Give between 1 and 10080 minutes.')).toBeVisible()
    expect(screen.getByRole('button', { name: 'Set maintenance' })).toBeDisabled()
    await user.clear(custom)
    await user.type(custom, '15')
    await user.click(screen.getByRole('button', { name: 'Set maintenance' }))
    expect(actions.setMaintenance).toHaveBeenCalledWith('node-a', T0 + 15 * 60_000, '')
    await user.click(screen.getByRole('button', { name: 'Maintenance…' }))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByRole('button', { name: 'Maintenance…' })).toHaveFocus()
  })

  it("explains a disabled button when the room's power levels forbid it", () => {
    render(roomIncidents([], BOT, T0), createActionsDouble({ maintenanceBlocked: 'power' }))
    const button = screen.getByRole('button', { name: 'Maintenance…' })
    expect(button).toBeDisabled()
    expect(button).toHaveAccessibleDescription(/power levels do not let you set maintenance/)
  })

  it('keeps the dialog open with a human sentence when the server refuses, details on demand', async () => {
    const actions = createActionsDouble({
      setMaintenance: vi.fn(() => Promise.reject(new Error("M_FORBIDDEN: You don't have permission"))),
    })
    const { user } = render(roomIncidents([], BOT, T0), actions)
    await user.click(screen.getByRole('button', { name: 'Maintenance…' }))
    await user.click(screen.getByRole('button', { name: 'Set maintenance' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The room did not take the maintenance.')
    expect(within(alert).getByText(/M_FORBIDDEN/)).not.toBeVisible()
    await user.click(within(alert).getByText('Technical details'))
    expect(within(alert).getByText(/M_FORBIDDEN/)).toBeVisible()
    expect(screen.getByRole('dialog')).toBeVisible()
  })
})
