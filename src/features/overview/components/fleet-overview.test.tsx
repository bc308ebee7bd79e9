import { act, screen, waitFor, within } from '@testing-library/react'
import { Route, Routes, useLocation } from 'react-router'
import { beforeEach, describe, expect, it } from 'vitest'
import { TEST_REGISTRY_URL, withRegistryServer } from '@mocks/node.ts'
import { createNode } from '@mocks/registry/factories.ts'
import { useI18nStore } from '@/lib/i18n/i18n-store.ts'
import { renderWithProviders } from '@/testing/render-with-providers.tsx'
import { withScreenLayout } from '@/testing/screen-layout.ts'
import { FleetOverview } from './fleet-overview.tsx'

const getRegistry = withRegistryServer()

withScreenLayout()

beforeEach(() => {
  useI18nStore.setState({ lang: 'en' })
  getRegistry().sim.setFault('none')
})

function Location() {
  const { pathname, search } = useLocation()
  return <output data-testid="location">{pathname + search}</output>
}

function renderOverview(path = '/') {
  return renderWithProviders(
    <>
      <Routes>
        <Route path="/" element={<FleetOverview />} />
        <Route path="/nodes/:nodeId" element={<h1>node page</h1>} />
      </Routes>
      <Location />
    </>,
    { config: { registryUrl: TEST_REGISTRY_URL }, path },
  )
}

const list = () => screen.findByRole('listbox', { name: 'Fleet nodes' })
const options = async () => within(await list()).findAllByRole('option')
const option = async (text: string) => (await options()).find((o) => o.textContent.includes(text)) ?? null
const location = () => screen.getByTestId('location').textContent

const count = (k: string) => Number(document.querySelector(`[data-count="${k}"]`)?.textContent ?? 0)

describe('FleetOverview', () => {
  it('counts the fleet by derived liveness and shows the registry health', async () => {
    renderOverview()
    const size = getRegistry().sim.size()
    expect(await screen.findByText(String(size), { selector: '[data-count="total"]' })).toBeInTheDocument()
    expect(count('online') + count('stale') + count('offline') + count('unknown') + count('invalid')).toBe(
      size,
    )
    expect(count('online')).toBeGreaterThan(0)
    expect(await screen.findByText(/status: healthy/)).toBeInTheDocument()
    expect(await option('node-1-hetzner-gex44')).toHaveTextContent('online')
    expect(await option('node-4-worker-hel1')).toHaveTextContent('maintenance')
    expect(await option('node-6-worker-waw1')).toHaveTextContent('banana')
    expect(await option('node-worker-ams1-3f9a1c2e')).toHaveTextContent('orphan of node-worker-ams1-b71d04e5')
  })

  it('searches, filters and sorts, and writes each choice to the URL', async () => {
    const { user } = renderOverview()
    await options()
    await user.type(screen.getByRole('searchbox', { name: 'Search nodes' }), 'hetzner')
    expect(await options()).toHaveLength(1)
    // The address follows once typing pauses (one navigation, not one per keystroke).
    await waitFor(() => expect(location()).toContain('q=hetzner'))
    await user.clear(screen.getByRole('searchbox', { name: 'Search nodes' }))

    const roles = screen.getByRole('group', { name: 'Role' })
    await user.click(within(roles).getByRole('button', { name: 'backup' }))
    expect(within(roles).getByRole('button', { name: 'backup' })).toHaveAttribute('aria-pressed', 'true')
    const backups = await options()
    expect(backups.map((o) => o.textContent)).toEqual([expect.stringContaining('node-10-gateway-fra1')])
    expect(location()).toContain('role=backup')

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(location()).toBe('/')
    await user.selectOptions(screen.getByLabelText('Sort'), 'liveness')
    expect(location()).toContain('sort=liveness')
    // Problems first: the silent orphan (offline) heads the list, a live node ends it.
    const byLiveness = await options()
    expect(byLiveness[0]).toHaveTextContent('offline')
    expect(byLiveness.at(-1)).toHaveTextContent('online')
  })

  it('keeps text typed just before a filter click or a move into the list', async () => {
    const { user } = renderOverview()
    await options()
    const box = screen.getByRole('searchbox', { name: 'Search nodes' })
    await user.type(box, 'worker')
    // No pause after typing: the click carries the text to the address with it.
    await user.click(
      within(screen.getByRole('group', { name: 'Role' })).getByRole('button', { name: 'worker' }),
    )
    expect(location()).toContain('q=worker')
    expect(location()).toContain('role=worker')

    await user.clear(box)
    await user.type(box, 'waw1{ArrowDown}')
    expect(location()).toContain('q=waw1')
    expect(box).toHaveValue('waw1')
  })

  it('restores search, filters and sort from the URL', async () => {
    renderOverview('/?q=fra1&liveness=online&type=gateway&sort=name&dir=desc&bogus=1')
    const rows = await options()
    expect(rows.map((o) => o.textContent)).toEqual([expect.stringContaining('node-10-gateway-fra1')])
    expect(screen.getByRole('searchbox', { name: 'Search nodes' })).toHaveValue('fra1')
    const state = screen.getByRole('group', { name: 'State' })
    expect(within(state).getByRole('button', { name: 'online' })).toHaveAttribute('aria-pressed', 'true')
    expect(within(state).getByRole('button', { name: 'stale' })).toHaveAttribute('aria-pressed', 'false')
    expect(screen.getByRole('button', { name: 'Descending' })).toBeInTheDocument()
    expect(screen.getByText(/^Showing 1 of \d+$/)).toBeInTheDocument()
  })

  it('says when nothing matches and clears the filters from there', async () => {
    const { user } = renderOverview('/?q=no-such-node')
    expect(await screen.findByText('No nodes match the filters.')).toBeInTheDocument()
    const clear = screen.getAllByRole('button', { name: 'Clear filters' })
    await user.click(clear.at(-1) as HTMLElement)
    expect((await options()).length).toBeGreaterThan(1)
    expect(location()).toBe('/')
  })

  it('moves with the arrows and opens the chosen node with Enter', async () => {
    const { user } = renderOverview('/?q=worker-')
    await options()
    await user.click(screen.getByRole('searchbox', { name: 'Search nodes' }))
    await user.keyboard('{ArrowDown}')
    expect(await list()).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    const selected = within(await list()).getByRole('option', { selected: true })
    expect(location()).toMatch(/node=node-/)
    const id = /node=([^&]+)/.exec(location())?.[1] ?? ''
    expect(selected).toHaveTextContent(decodeURIComponent(id))
    expect((await list()).getAttribute('aria-activedescendant')).toBe(selected.id)
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('heading', { name: 'node page' })).toBeInTheDocument()
    expect(location()).toBe(`/nodes/${id}`)
  })

  it('shows an unreadable record as such, and markup in a name as text', async () => {
    const { sim } = getRegistry()
    sim.addNode({ node_id: 42, node_name: ['not', 'a', 'name'], hostname: 'broken-host' })
    sim.addNode(
      createNode({ node_id: 'node-evil', node_name: '<img src=x onerror=alert(1)>', status: '<b>x</b>' }),
    )
    renderOverview()
    expect(await screen.findByText('Unreadable record')).toBeInTheDocument()
    expect(count('invalid')).toBe(1)
    const evil = await option('node-evil')
    expect(evil).toHaveTextContent('<img src=x onerror=alert(1)>')
    expect(evil).toHaveTextContent('<b>x</b>')
    expect(document.querySelector('main img, [role="listbox"] img, [role="listbox"] b')).toBeNull()
  })

  it('shows an id with a right-to-left override with the control visible, and flags contradictions both ways', async () => {
    const { sim } = getRegistry()
    const hourAgo = new Date(sim.now() - 3_600_000).toISOString()
    sim.addNode(createNode({ node_id: 'node-\u202Etxt.exe', status: 'online', last_heartbeat: hourAgo }))
    renderOverview()
    const spoof = await option('txt.exe')
    expect(spoof).toHaveTextContent('node-⟨U+202E⟩txt.exe')
    // Offline by its heartbeat, "online" by its report: the report is flagged, not hidden.
    expect(spoof).toHaveTextContent(/offline/)
    expect(spoof?.querySelector('[title="reported: online"]')).not.toBeNull()
  })

  it('keeps the last good data under a stale banner when a poll fails, and recovers', async () => {
    const { client, user } = renderOverview()
    await option('node-1-hetzner-gex44')
    getRegistry().sim.setFault('http500')
    await act(() => client.refetchQueries())
    expect(await screen.findByText(/Stale since \d{2}:\d{2}:\d{2}/)).toBeInTheDocument()
    expect(screen.getByText('(HTTP 500)')).toBeInTheDocument()
    expect(await option('node-1-hetzner-gex44')).toBeTruthy()
    // The registry card says the same as the banner: no green "healthy" beside "/health does not answer".
    const card = screen.getByRole('region', { name: 'Registry' })
    await waitFor(() => expect(card).toHaveTextContent('status unknown'))
    expect(card).toHaveTextContent('/health does not answer')
    expect(card).not.toHaveTextContent('status: healthy')

    getRegistry().sim.setFault('none')
    await user.click(screen.getByRole('button', { name: 'Retry now' }))
    await expect.poll(() => screen.queryByText(/Stale since/)).toBeNull()
    await waitFor(() => expect(card).toHaveTextContent('status: healthy'))
  })

  it('the registry card follows a failing fleet poll, and reads /health at once when the fleet recovers', async () => {
    const { client } = renderOverview()
    const card = () => screen.getByRole('region', { name: 'Registry' })
    await option('node-1-hetzner-gex44')
    await waitFor(() => expect(card()).toHaveTextContent('status: healthy'))
    const healthReads = () =>
      client.getQueryCache().find({ queryKey: ['registry'], exact: false })?.state.dataUpdateCount ?? 0
    const before = healthReads()

    // Only the fleet is read (/health is read every 30 s): its failure is enough to withhold "healthy".
    getRegistry().sim.setFault('http500')
    await act(() => client.refetchQueries({ queryKey: ['nodes'] }))
    await waitFor(() => expect(card()).toHaveTextContent('status unknown'))
    expect(card()).toHaveTextContent('the registry does not answer')
    expect(card()).not.toHaveTextContent('/health does not answer')

    getRegistry().sim.setFault('none')
    await act(() => client.refetchQueries({ queryKey: ['nodes'] }))
    await waitFor(() => expect(healthReads()).toBe(before + 1))
    expect(card()).toHaveTextContent('status: healthy')
  })

  it('shows a full error with a retry when the first load fails', async () => {
    getRegistry().sim.setFault('malformed')
    const { user } = renderOverview()
    expect(await screen.findByText('Could not load the fleet')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('malformed answer')
    getRegistry().sim.setFault('none')
    await user.click(screen.getByRole('button', { name: 'Retry now' }))
    expect(await options()).not.toHaveLength(0)
  })
})
