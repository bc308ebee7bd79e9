import { memo } from 'react'
import { useT } from '@/lib/i18n/use-t.ts'
import { useObservedBeats } from '../model/observed-history-context.tsx'
import { nodeMessages } from './node-messages.ts'

interface StripGeometry {
  slots: number
  w: number
  h: number
  /** The red silence mark: top and height. */
  gap: readonly [y: number, height: number]
  /** Each beat's bar: offset in its slot, top, width lost to spacing, corner radius. */
  bar: readonly [dx: number, y: number, inset: number, rx: number]
}

/** A list row's strip (fixed size, so it never moves the row's layout) and a topology card's wider one. */
const SIZES = {
  row: { slots: 20, w: 100, h: 16, gap: [13, 3], bar: [1.5, 3, 2.5, 0.5] },
  card: { slots: 24, w: 190, h: 10, gap: [0, 10], bar: [2, 2, 3, 1] },
} satisfies Record<string, StripGeometry>

const SIZE_CLASS: Record<keyof typeof SIZES, string> = {
  row: 'shrink-0 overflow-hidden rounded-sm bg-sunken',
  card: 'mt-auto rounded-sm bg-sunken',
}

export type BeatStripSize = keyof typeof SIZES

/**
 * Beats as bars, newest on the right, with a red mark where two beats were further apart than `gapMs` (a
 * silence). SVG, not a canvas: a couple of dozen bars per visible row is cheap and scales with the zoom.
 */
export const BeatStrip = memo(function BeatStrip({
  beats,
  gapMs,
  label,
  size = 'row',
}: {
  /** Heartbeat instants (ms), oldest first. */
  beats: readonly number[]
  gapMs: number
  label: string
  size?: BeatStripSize
}) {
  const { slots, w, h, gap, bar }: StripGeometry = SIZES[size]
  const className = SIZE_CLASS[size]
  const [gapY, gapH] = gap
  const [barDx, barY, barInset, barRx] = bar
  const slot = w / slots
  const recent = beats.slice(-slots)
  const start = slots - recent.length
  return (
    <svg role="img" aria-label={label} width={w} height={h} viewBox={`0 0 ${w} ${h}`} className={className}>
      {recent.map((ts, i) => {
        const prev = i > 0 ? recent[i - 1] : beats[beats.length - recent.length - 1]
        const silentBefore = prev !== undefined && ts - prev > gapMs
        const x = (start + i) * slot
        return (
          <g key={i}>
            {silentBefore && <rect x={x} y={gapY} width={1.5} height={gapH} className="fill-bad" />}
            <rect
              x={x + barDx}
              y={barY}
              width={slot - barInset}
              height={h - 2 * barY}
              rx={barRx}
              className="fill-ok"
            />
          </g>
        )
      })}
    </svg>
  )
})

/** The beat strip of one node from what this page observed (never a request per node). */
export function ObservedBeatStrip({
  nodeId,
  gapMs,
  size,
}: {
  nodeId: string
  gapMs: number
  size?: BeatStripSize
}) {
  const t = useT(nodeMessages)
  const beats = useObservedBeats(nodeId)
  return (
    <BeatStrip beats={beats} gapMs={gapMs} size={size} label={t('beatsCount', { count: beats.length })} />
  )
}
