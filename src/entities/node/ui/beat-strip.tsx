import { memo } from 'react'
import { useT } from '@/lib/i18n/use-t.ts'
import { useObservedBeats } from '../model/observed-history-context.tsx'
import { nodeMessages } from './node-messages.ts'

/** A list row's strip (fixed size, so it never moves the row's layout) and a topology card's wider one. */
const SIZES = {
  row: {
    slots: 20,
    w: 100,
    h: 16,
    gap: { y: 13, height: 3 },
    bar: { dx: 1.5, y: 3, inset: 2.5, rx: 0.5 },
    className: 'shrink-0 overflow-hidden rounded-sm bg-sunken',
  },
  card: {
    slots: 24,
    w: 190,
    h: 10,
    gap: { y: 0, height: 10 },
    bar: { dx: 2, y: 2, inset: 3, rx: 1 },
    className: 'mt-auto rounded-sm bg-sunken',
  },
} as const

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
  const { slots, w, h, gap, bar, className } = SIZES[size]
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
            {silentBefore && <rect x={x} y={gap.y} width={1.5} height={gap.height} className="fill-bad" />}
            <rect
              x={x + bar.dx}
              y={bar.y}
              width={slot - bar.inset}
              height={h - 2 * bar.y}
              rx={bar.rx}
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
