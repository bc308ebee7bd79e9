import { screen } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { TEST_REGISTRY_URL, withRegistryServer } from '@mocks/node.ts'
import { useI18nStore } from '@/lib/i18n/i18n-store.ts'
import { renderWithProviders } from '@/testing/render-with-providers.tsx'
import { NodePage } from './node-page.tsx'

withRegistryServer()
// The demo fleet's re-registered host: the old id is silent, the new one beats.
const ORPHAN = 'node-worker-ams1-3f9a1c2e'
const ALIVE = 'node-worker-ams1-b71d04e5'

beforeEach(() => useI18nStore.setState({ lang: 'en' }))

const renderPage = (nodeId: string) =>
  renderWithProviders(<NodePage nodeId={nodeId} />, { config: { registryUrl: TEST_REGISTRY_URL } })

describe('an orphan on its own page', () => {
  it('says whose orphan it is, with a link to the live node', async () => {
    renderPage(ORPHAN)
    expect(
      await screen.findByText(`This id is an orphan of ${ALIVE}`, { exact: false }, { timeout: 5_000 }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: `Open ${ALIVE}` })).toHaveAttribute('href', `/nodes/${ALIVE}`)
  })

  it('says nothing of the kind on the live node’s page', async () => {
    renderPage(ALIVE)
    expect(await screen.findByRole('heading', { level: 1 }, { timeout: 5_000 })).toBeInTheDocument()
    expect(screen.queryByText(/is an orphan of/)).toBeNull()
  })
})
