import { screen } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { useI18nStore } from '@/lib/i18n/i18n-store.ts'
import { renderWithProviders } from '@/testing/render-with-providers.tsx'
import { NodeCard, type TopologyNodeView } from './node-card.tsx'

beforeEach(() => useI18nStore.setState({ lang: 'en' }))

const node = (over: Partial<TopologyNodeView> = {}): TopologyNodeView => ({
  id: 'old-id',
  name: 'worker-ams1',
  role: 'worker',
  type: 'vps',
  liveness: 'offline',
  lastHeartbeat: null,
  orphan: null,
  ...over,
})

describe('a node card on the map', () => {
  it('flags an orphan, with whose orphan it is in its name and its title', () => {
    renderWithProviders(
      <NodeCard
        node={node({ orphan: { aliveNodeId: 'new-id', hostname: 'worker-ams1' } })}
        x={0}
        y={0}
        gapMs={15_000}
      />,
    )
    const card = screen.getByRole('link', { name: /orphan of new-id/ })
    expect(card).toHaveAttribute('href', '/nodes/old-id')
    expect(screen.getByTitle(/orphan of new-id — Several ids share the host worker-ams1/)).toHaveTextContent(
      /^orphan/,
    )
  })

  it('flags nothing on a node that is not an orphan', () => {
    renderWithProviders(<NodeCard node={node()} x={0} y={0} gapMs={15_000} />)
    expect(screen.getByRole('link').textContent).not.toMatch(/orphan/)
  })
})
