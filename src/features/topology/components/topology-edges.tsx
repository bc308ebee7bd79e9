import { memo } from 'react'
import { useT } from '@/lib/i18n/use-t.ts'
import type { ServiceBundle } from '../model/aggregate-edges.ts'
import type { EdgeState } from '../model/derive-edges.ts'
import { CARD_H, CARD_W, type CardPlacement, type TopologyLayout } from '../model/layout.ts'
import { topologyMessages } from './topology-messages.ts'

interface Point {
  x: number
  y: number
}

/**
 * The links, in one SVG under the cards: each visible card's heartbeat line to the registry (dashed red and
 * marked "broken" when the node is not online), each dense group's aggregated heartbeat link, and one
 * labelled service link per group and hub. Decorative for assistive tech: the cards' labels and the group
 * summaries carry the same facts in words.
 */
export const TopologyEdges = memo(function TopologyEdges({
  layout,
  cards,
  heartbeat,
  bundles,
  hiddenBroken,
}: {
  layout: TopologyLayout
  /** The cards currently drawn (culled to the viewport). */
  cards: readonly CardPlacement[]
  /** Each node's heartbeat edge state, from `deriveTopology`. */
  heartbeat: ReadonlyMap<string, EdgeState>
  bundles: readonly ServiceBundle[]
  /** Per dense group: how many of its members without a card are not online. */
  hiddenBroken: ReadonlyMap<string, { broken: number; hidden: number }>
}) {
  const t = useT(topologyMessages)
  const reg: Point = {
    x: layout.registry.x + layout.registry.width / 2,
    y: layout.registry.y + layout.registry.height,
  }
  const cardAt = new Map(layout.cards.map((c) => [c.id, c]))
  const groupAt = new Map(layout.groups.map((g) => [g.key as string, g]))
  // Where several bundles leave one group or reach one hub, their ends are spread along its edge, so the
  // lines (and their labels, at the midpoints) do not pile up on one point.
  const xOf = (id: string) => cardAt.get(id)?.x ?? groupAt.get(id)?.x ?? 0
  const ends = new Map<string, string[]>()
  for (const b of bundles) {
    for (const [k, other] of [
      [`out:${b.from}`, b.to],
      [`in:${b.to}`, b.from],
    ] as const) {
      let list = ends.get(k)
      if (!list) ends.set(k, (list = []))
      list.push(other)
    }
  }
  for (const list of ends.values()) list.sort((p, q) => xOf(p) - xOf(q))
  const spread = (key: string, other: string, x: number, width: number) => {
    const list = ends.get(key) ?? []
    return x + (width * (list.indexOf(other) + 1)) / (list.length + 1)
  }

  return (
    <svg
      aria-hidden="true"
      className="pointer-events-none absolute left-0 top-0 overflow-visible"
      width={layout.width}
      height={layout.height}
    >
      {bundles.map((b) => {
        const hub = cardAt.get(b.to)
        if (!hub) return null
        const fromCard = cardAt.get(b.from)
        const fromGroup = groupAt.get(b.from)
        let a: Point
        let c: Point
        const c0 = { x: spread(`in:${b.to}`, b.from, hub.x, CARD_W), y: hub.y + CARD_H }
        if (fromCard) {
          a = { x: spread(`out:${b.from}`, b.to, fromCard.x, CARD_W), y: fromCard.y + CARD_H }
          c = c0
        } else if (fromGroup) {
          a = { x: spread(`out:${b.from}`, b.to, fromGroup.x, fromGroup.width), y: fromGroup.y }
          c = c0
        } else return null
        // Hub to hub, side by side in one row: a curve below them, deeper the further apart they are.
        const bulge = fromCard ? 40 + Math.abs(c.x - a.x) * 0.2 : 0
        const control = fromCard ? { x: (a.x + c.x) / 2, y: Math.max(a.y, c.y) + bulge } : null
        const mid = control
          ? { x: control.x, y: (a.y + c.y) / 4 + control.y / 2 }
          : { x: (a.x + c.x) / 2, y: (a.y + c.y) / 2 }
        const allBroken = b.broken === b.total
        const label =
          b.methods.join(' · ') + (b.broken > 0 ? ` (${t('brokenLinks', { count: b.broken })})` : '')
        return (
          <g key={`${b.from}>${b.to}`} data-edge="service" data-from={b.from} data-to={b.to}>
            <path
              d={
                control
                  ? `M${a.x},${a.y} Q${control.x},${control.y} ${c.x},${c.y}`
                  : `M${a.x},${a.y} L${c.x},${c.y}`
              }
              fill="none"
              className={allBroken ? 'stroke-bad' : 'stroke-info'}
              strokeWidth={2}
              strokeDasharray={allBroken ? '6 4' : undefined}
              opacity={0.8}
            />
            <text
              x={mid.x}
              y={mid.y}
              textAnchor="middle"
              className="fill-fg text-[11px] font-medium"
              paintOrder="stroke"
              stroke="var(--color-surface)"
              strokeWidth={4}
            >
              {label}
            </text>
          </g>
        )
      })}
      {layout.dense &&
        layout.groups.map((g) => {
          const h = hiddenBroken.get(g.key)
          if (!h || h.hidden === 0) return null
          const a = { x: g.x + g.width / 2, y: g.y }
          const broken = h.broken > 0
          return (
            <g
              key={`hb-${g.key}`}
              data-edge="group-heartbeat"
              data-group={g.key}
              data-state={broken ? 'broken' : 'ok'}
            >
              <line
                x1={a.x}
                y1={a.y}
                x2={reg.x}
                y2={reg.y}
                className={broken ? 'stroke-bad' : 'stroke-ok'}
                strokeWidth={3}
                strokeDasharray={broken ? '8 5' : undefined}
                opacity={0.6}
              />
              {broken && (
                <text
                  x={(a.x + reg.x) / 2}
                  y={(a.y + reg.y) / 2}
                  textAnchor="middle"
                  className="fill-bad text-[11px] font-semibold"
                  paintOrder="stroke"
                  stroke="var(--color-surface)"
                  strokeWidth={4}
                >
                  {t('brokenLinks', { count: h.broken })}
                </text>
              )}
            </g>
          )
        })}
      {cards.map((c) => {
        const state = heartbeat.get(c.id) ?? 'broken'
        const a = { x: c.x + CARD_W / 2, y: c.y }
        return (
          <line
            key={c.id}
            data-edge="heartbeat"
            data-from={c.id}
            data-state={state}
            x1={a.x}
            y1={a.y}
            x2={reg.x}
            y2={reg.y}
            className={state === 'ok' ? 'stroke-ok' : 'stroke-bad'}
            strokeWidth={state === 'ok' ? 1 : 1.5}
            strokeDasharray={state === 'ok' ? undefined : '5 4'}
            opacity={state === 'ok' ? 0.35 : 0.9}
          />
        )
      })}
    </svg>
  )
})
