import { memo, useCallback, useMemo, useState } from 'react'
import type { Liveness } from '@/entities/node/model/liveness.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { Button } from '@/ui/button.tsx'
import { bundleServiceEdges } from '../model/aggregate-edges.ts'
import type { EdgeState, Topology } from '../model/derive-edges.ts'
import {
  CARD_H,
  CARD_W,
  DENSE_PAGE,
  groupOfRole,
  type CardPlacement,
  type GroupKey,
  type GroupLayout,
  type LayoutInput,
} from '../model/layout.ts'
import { useTopologyLayout } from '../model/use-topology-layout.ts'
import { GroupBox, type LivenessCounts } from './group-box.tsx'
import { NodeCard, type TopologyNodeView } from './node-card.tsx'
import { RegistryHub } from './registry-hub.tsx'
import { TopologyEdges } from './topology-edges.tsx'
import { topologyMessages } from './topology-messages.ts'
import { usePanZoom } from './use-pan-zoom.ts'

const emptyCounts = (): LivenessCounts => ({ online: 0, stale: 0, offline: 0, unknown: 0, unreachable: 0 })

const intersects = (c: CardPlacement, v: { x0: number; y0: number; x1: number; y1: number }) =>
  c.x + CARD_W >= v.x0 && c.x <= v.x1 && c.y + CARD_H >= v.y0 && c.y <= v.y1

/**
 * The map: DOM cards and group frames over one SVG of links, inside a world element that pans and zooms by
 * CSS transform. DOM for the cards keeps them real links (focus, Enter, screen readers, text selection)
 * and SVG keeps the few hundred links crisp at any zoom; culling keeps both small. In dense mode the layout
 * holds only tiles and the pages the user expanded, so 10,000 nodes cost a few dozen elements.
 */
export const TopologyCanvas = memo(function TopologyCanvas({
  nodes,
  topology,
  gapMs,
}: {
  /** The nodes that pass the filters, readable ones only. */
  nodes: readonly TopologyNodeView[]
  topology: Topology
  /** The online threshold: a longer silence between two beats is marked in the cards' strips. */
  gapMs: number
}) {
  const t = useT(topologyMessages)
  const [collapsed, setCollapsed] = useState<GroupKey[]>([])
  const [shown, setShown] = useState<Partial<Record<GroupKey, number>>>({})

  const hubIds = useMemo(() => topology.hubs.map((h) => h.nodeId), [topology.hubs])
  const input: LayoutInput = useMemo(
    () => ({
      nodes: nodes.map((n) => ({ id: n.id, group: groupOfRole(n.role) })),
      hubs: hubIds,
      collapsed,
      shown,
    }),
    [nodes, hubIds, collapsed, shown],
  )
  const layout = useTopologyLayout(input)
  const content = useMemo(() => (layout ? { width: layout.width, height: layout.height } : null), [layout])
  const { containerRef, worldRef, view, zoomIn, zoomOut, fit, handlers } = usePanZoom(content)

  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes])
  const heartbeat = useMemo(() => {
    const m = new Map<string, EdgeState>()
    for (const e of topology.edges) if (e.kind === 'heartbeat') m.set(e.from, e.state)
    return m
  }, [topology.edges])

  const groupOfNode = useMemo(() => {
    const m = new Map<string, GroupLayout>()
    for (const g of layout?.groups ?? []) for (const id of g.memberIds) m.set(id, g)
    return m
  }, [layout])

  const counts = useMemo(() => {
    const m = new Map<string, LivenessCounts>()
    for (const g of layout?.groups ?? []) {
      const c = emptyCounts()
      for (const id of g.memberIds) {
        const l: Liveness = byId.get(id)?.liveness ?? 'unknown'
        c[l] += 1
      }
      m.set(g.key, c)
    }
    return m
  }, [layout, byId])

  const hiddenBroken = useMemo(() => {
    const m = new Map<string, { broken: number; hidden: number }>()
    for (const g of layout?.groups ?? []) {
      if (g.mode !== 'tile') continue
      let broken = 0
      for (let i = g.shownCount; i < g.memberIds.length; i++) {
        const id = g.memberIds[i]
        if (id !== undefined && heartbeat.get(id) !== 'ok') broken += 1
      }
      m.set(g.key, { broken, hidden: g.memberIds.length - g.shownCount })
    }
    return m
  }, [layout, heartbeat])

  const bundles = useMemo(
    () =>
      bundleServiceEdges(topology, (id) => {
        const g = groupOfNode.get(id)
        if (!g) return null
        return g.key === 'hubs' ? id : g.key
      }),
    [topology, groupOfNode],
  )

  const visibleCards = useMemo(() => {
    if (!layout) return []
    const v = view
    return v ? layout.cards.filter((c) => intersects(c, v)) : layout.cards.slice(0, 200)
  }, [layout, view])

  const onToggle = useCallback((key: GroupLayout['key']) => {
    if (key === 'hubs') return
    setCollapsed((c) => (c.includes(key) ? c.filter((k) => k !== key) : [...c, key]))
  }, [])
  const onMore = useCallback((key: GroupLayout['key']) => {
    if (key === 'hubs') return
    setShown((s) => ({ ...s, [key]: (s[key] ?? 0) + DENSE_PAGE }))
  }, [])
  const onFewer = useCallback((key: GroupLayout['key']) => {
    if (key === 'hubs') return
    setShown((s) => ({ ...s, [key]: 0 }))
  }, [])

  const cardsByGroup = useMemo(() => {
    const m = new Map<string, CardPlacement[]>()
    for (const c of visibleCards) {
      const g = groupOfNode.get(c.id)
      if (!g) continue
      let list = m.get(g.key)
      if (!list) m.set(g.key, (list = []))
      list.push(c)
    }
    return m
  }, [visibleCards, groupOfNode])

  const hubSet = useMemo(() => new Set(hubIds), [hubIds])

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={containerRef}
        role="region"
        aria-label={t('mapLabel')}
        aria-roledescription="map"
        // A pannable region must be reachable by keyboard (WCAG 2.1.1; axe's scrollable-region-focusable):
        // the arrow keys and +/− act on it once focused.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        data-testid="topology-viewport"
        className="absolute inset-0 cursor-grab touch-none overflow-clip bg-surface select-none active:cursor-grabbing"
        {...handlers}
      >
        {layout === null ? (
          <p role="status" className="p-4 text-sm text-muted">
            {t('layingOut', { count: nodes.length })}
          </p>
        ) : (
          <div
            ref={worldRef}
            className="absolute left-0 top-0 origin-top-left will-change-transform"
            style={{ width: layout.width, height: layout.height }}
          >
            <TopologyEdges
              layout={layout}
              cards={visibleCards}
              heartbeat={heartbeat}
              bundles={bundles}
              hiddenBroken={hiddenBroken}
            />
            <RegistryHub rect={layout.registry} host={topology.registryHost} />
            {layout.groups.map((g) => (
              <GroupBox
                key={g.key}
                group={g}
                counts={counts.get(g.key) ?? emptyCounts()}
                onToggle={onToggle}
                onMore={onMore}
                onFewer={onFewer}
              >
                {cardsByGroup.get(g.key)?.map((c) => {
                  const node = byId.get(c.id)
                  return node ? (
                    <NodeCard
                      key={c.id}
                      node={node}
                      x={c.x - g.x}
                      y={c.y - g.y}
                      hub={hubSet.has(c.id)}
                      gapMs={gapMs}
                    />
                  ) : null
                })}
              </GroupBox>
            ))}
          </div>
        )}
      </div>
      <div className="absolute bottom-3 right-3 flex items-center gap-1 rounded-md border border-border bg-raised p-1 shadow-sm">
        <Button variant="ghost" onClick={zoomOut} aria-label={t('zoomOut')} title={t('zoomOut')}>
          −
        </Button>
        <span className="min-w-12 text-center text-xs tabular-nums text-muted" aria-live="off">
          {t('zoomLevel', { pct: Math.round((view?.scale ?? 1) * 100) })}
        </span>
        <Button variant="ghost" onClick={zoomIn} aria-label={t('zoomIn')} title={t('zoomIn')}>
          +
        </Button>
        <Button variant="ghost" onClick={fit}>
          {t('zoomReset')}
        </Button>
      </div>
    </div>
  )
})
