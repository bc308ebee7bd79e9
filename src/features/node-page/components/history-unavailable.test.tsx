import { act, screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEST_REGISTRY_URL, withRegistryServer } from '@mocks/node.ts'
import { nodeKeys } from '@/entities/node/api/query-keys.ts'
import { serverDatabaseReported } from '@/entities/node/api/server-database-state.ts'
import { useI18nStore } from '@/lib/i18n/i18n-store.ts'
import { renderWithProviders } from '@/testing/render-with-providers.tsx'
import { NodePage } from './node-page.tsx'

const getRegistry = withRegistryServer()
const NODE = 'node-1-hetzner-gex44'
const REASON = 'database: connect ECONNREFUSED 127.0.0.1:5432'

beforeEach(() => useI18nStore.setState({ lang: 'en' }))
afterEach(() => serverDatabaseReported(null))

/** The history route as the console server answers it while its database is down. */
const databaseDown = () =>
  getRegistry().server.use(
    http.get(`${TEST_REGISTRY_URL}/api/v1/nodes/:id/heartbeats`, () =>
      HttpResponse.json({ detail: REASON }, { status: 503 }),
    ),
  )

function renderNodePage() {
  return renderWithProviders(<NodePage nodeId={NODE} />, { config: { registryUrl: TEST_REGISTRY_URL } })
}

const strip = () => screen.findByRole('region', { name: 'Latest heartbeats' })

describe('the node page when the server cannot read its database', () => {
  it('keeps the history it has and says history is unavailable, with the reason behind a disclosure', async () => {
    const { client, user } = renderNodePage()
    expect(
      await screen.findByRole('table', { name: /Metrics summary/ }, { timeout: 5_000 }),
    ).toBeInTheDocument()
    const uptime = () => screen.getByRole('region', { name: 'Uptime' }).textContent

    databaseDown()
    await act(() => client.refetchQueries({ queryKey: nodeKeys.all(getRegistry().registry) }))

    const banner = await screen.findByText(
      /History is unavailable: the console server cannot read its database/,
    )
    expect(screen.getByRole('table', { name: /Metrics summary/ })).toBeInTheDocument()
    expect(within(await strip()).queryByText('No heartbeats yet.')).toBeNull()
    expect(uptime()).toMatch(/\d %/)
    const reason = screen.getByText(REASON)
    expect(reason).not.toBeVisible()
    await user.click(within(banner.closest('[role="status"]') as HTMLElement).getByText('Reason'))
    expect(reason).toBeVisible()
  })

  it('says history is unavailable, not that there are no heartbeats, when it never loaded', async () => {
    databaseDown()
    renderNodePage()
    expect(await within(await strip()).findByText('History is unavailable.')).toBeInTheDocument()
    expect(screen.queryByText('No heartbeats yet.')).toBeNull()
    expect(screen.queryByText('No metrics in this range.')).toBeNull()
    expect(screen.getByText(/History is unavailable: the console server/)).toBeInTheDocument()
  })

  it('says so as soon as the push stream reports the database down, before any history refresh', async () => {
    renderNodePage()
    expect(
      await screen.findByRole('table', { name: /Metrics summary/ }, { timeout: 5_000 }),
    ).toBeInTheDocument()
    act(() => serverDatabaseReported('the database refused the connection'))
    expect(
      screen.getByText(/History is unavailable: the console server cannot read its database/),
    ).toBeInTheDocument()
    expect(screen.getByText('the database refused the connection')).toBeInTheDocument()
    expect(screen.getByRole('table', { name: /Metrics summary/ })).toBeInTheDocument()
    act(() => serverDatabaseReported(null))
    expect(screen.queryByText(/History is unavailable/)).toBeNull()
  })
})
