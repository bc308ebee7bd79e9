import { memo } from 'react'
import { useT } from '@/lib/i18n/use-t.ts'
import type { ServiceBundle } from '../model/aggregate-edges.ts'
import type { EdgeState } from '../model/derive-edges.ts'
import { CARD_H, CARD_W, type CardPlacement, type TopologyLayout } from '../model/layout.ts'
import { estimateLabelWidth, LABEL_HEIGHT, placeLabels } from '../model/place-labels.ts'
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

  // Each service link's geometry, then its label placed where no other label is: along the line from the
  // middle out, or left out (the line's tooltip still gives it) rather than drawn over another.
  const links = bundles.flatMap((b) => {
    const hub = cardAt.get(b.to)
    if (!hub) return []
    const fromCard = cardAt.get(b.from)
    const fromGroup = groupAt.get(b.from)
    const c = { x: spread(`in:${b.to}`, b.from, hub.x, CARD_W), y: hub.y + CARD_H }
    let a: Point
    if (fromCard) a = { x: spread(`out:${b.from}`, b.to, fromCard.x, CARD_W), y: fromCard.y + CARD_H }
    else if (fromGroup) a = { x: spread(`out:${b.from}`, b.to, fromGroup.x, fromGroup.width), y: fromGroup.y }
    else return []
    // Hub to hub, side by side in one row: a curve below them, deeper the further apart they are.
    const bulge = fromCard ? 40 + Math.abs(c.x - a.x) * 0.2 : 0
    const control = fromCard ? { x: (a.x + c.x) / 2, y: Math.max(a.y, c.y) + bulge } : null
    const at = (t: number): Point => {
      const k = control ?? { x: (a.x + c.x) / 2, y: (a.y + c.y) / 2 }
      const u = 1 - t
      return {
        x: u * u * a.x + 2 * u * t * k.x + t * t * c.x,
        y: u * u * a.y + 2 * u * t * k.y + t * t * c.y,
      }
    }
    const label = b.methods.join(' · ') + (b.broken > 0 ? ` (${t('brokenLinks', { count: b.broken })})` : '')
    return [{ b, a, c, control, at, label, id: `${b.from}>${b.to}` }]
  })
  const placed = placeLabels(
    links.map((l) => ({
      id: l.id,
      candidates: [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].map(l.at),
      width: estimateLabelWidth(l.label),
      height: LABEL_HEIGHT,
    })),
  )

  return (
    <svg
      aria-hidden="true"
      className="pointer-events-none absolute left-0 top-0 overflow-visible"
      width={layout.width}
      height={layout.height}
    >
      {links.map(({ b, a, c, control, label, id }) => {
        const allBroken = b.broken === b.total
        const box = placed.get(id) ?? null
        const d = control
          ? `M${a.x},${a.y} Q${control.x},${control.y} ${c.x},${c.y}`
          : `M${a.x},${a.y} L${c.x},${c.y}`
        return (
          <g key={id} data-edge="service" data-from={b.from} data-to={b.to}>
            <path
              d={d}
              fill="none"
              className={allBroken ? 'stroke-bad' : 'stroke-info'}
              strokeWidth={2}
              strokeDasharray={allBroken ? '6 4' : undefined}
              opacity={0.8}
            />
            {box ? (
              <text
                x={box.x + box.width / 2}
                y={box.y + box.height / 2}
                dominantBaseline="central"
                textAnchor="middle"
                className="fill-fg text-[11px] font-medium"
                paintOrder="stroke"
                stroke="var(--color-surface)"
                strokeWidth={4}
              >
                {label}
              </text>
            ) : (
              // No room for the label: a wide invisible stroke shows it as a tooltip on hover.
              <path d={d} fill="none" stroke="transparent" strokeWidth={12} pointerEvents="stroke">
                <title>{label}</title>
              </path>
            )}
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
