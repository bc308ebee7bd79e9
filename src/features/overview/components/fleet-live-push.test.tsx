import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TEST_REGISTRY_URL, withRegistryServer } from '@mocks/node.ts'
import { FakeEventSource } from '@mocks/stream/fake-event-source.ts'
import { useI18nStore } from '@/lib/i18n/i18n-store.ts'
import { renderWithProviders } from '@/testing/render-with-providers.tsx'
import { withScreenLayout } from '@/testing/screen-layout.ts'
import { FleetOverview } from './fleet-overview.tsx'

const getRegistry = withRegistryServer()

withScreenLayout()

let listRequests = 0
const countLists = ({ request }: { request: Request }) => {
  if (new URL(request.url).pathname === '/api/v1/nodes') listRequests += 1
}
beforeEach(() => {
  useI18nStore.setState({ lang: 'en' })
  vi.stubGlobal('EventSource', FakeEventSource)
  FakeEventSource.reset()
  listRequests = 0
  getRegistry().server.events.on('request:start', countLists)
})
afterEach(() => {
  getRegistry().server.events.removeAllListeners()
})

/** The overview in the app's providers, which open the push stream that `config.json` offers. */
function renderLiveOverview() {
  renderWithProviders(<FleetOverview />, {
    config: { registryUrl: TEST_REGISTRY_URL, server: { events: '/api/v1/events' } },
  })
}

const SILENT = 'node-worker-ams1-3f9a1c2e'
const options = async () =>
  within(await screen.findByRole('listbox', { name: 'Fleet nodes' })).findAllByRole('option')
const option = async (text: string) => (await options()).find((o) => o.textContent.includes(text))

describe('the fleet overview fed by the server push stream', () => {
  it('shows a pushed beat at once, with no registry poll, and polls again when the stream is lost', async () => {
    renderLiveOverview()
    expect(await option(SILENT)).toHaveTextContent('offline')
    const stream = FakeEventSource.latest()
    expect(stream.url).toBe(`${window.location.origin}/api/v1/events`)
    act(() => stream.connect())
    const before = listRequests

    act(() => {
      stream.emit('heartbeat', 'not json')
      stream.emit('heartbeat', { node_id: SILENT, timestamp: 'yesterday-ish', status: 'x', metrics: {} })
      stream.emit('heartbeat', {
        node_id: SILENT,
        timestamp: new Date().toISOString(),
        status: 'back',
        metrics: { cpu_percent: 3 },
      })
    })
    await waitFor(async () => expect(await option(SILENT)).toHaveTextContent('online'))
    expect(await option(SILENT)).toHaveTextContent('back')
    expect(listRequests).toBe(before)

    act(() => stream.drop())
    await waitFor(() => expect(listRequests).toBeGreaterThan(before))
  })

  it('adds a node the stream announces, keeping the others in place', async () => {
    renderLiveOverview()
    const rows = (await options()).length
    act(() => FakeEventSource.latest().connect())
    act(() =>
      FakeEventSource.latest().emit('node', {
        id: 'b6a1',
        node_id: 'node-new-pushed',
        node_name: 'node-new-pushed',
        node_role: 'worker',
        node_type: 'worker',
        hostname: 'new-host',
        ip_address: '10.0.0.9',
        local_ip: null,
        status: 'active',
        last_heartbeat: new Date().toISOString(),
        registered_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      }),
    )
    expect(await option('node-new-pushed')).toHaveTextContent('online')
    expect(await options()).toHaveLength(rows + 1)
  })

  it('opens a new stream after the server refused one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      renderLiveOverview()
      const first = FakeEventSource.latest()
      act(() => first.drop(true))
      await act(() => vi.advanceTimersByTimeAsync(3_000))
      expect(FakeEventSource.latest()).not.toBe(first)
    } finally {
      vi.useRealTimers()
    }
  })
})
