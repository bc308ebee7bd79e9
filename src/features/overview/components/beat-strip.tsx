import { memo } from 'react'

export const BEAT_SLOTS = 20
const W = 100
const H = 16
const SLOT = W / BEAT_SLOTS

/**
 * The last beats seen since the page opened, as a fixed-size strip (it never changes the row's layout): one bar
 * per beat, newest on the right, and a short red mark where two beats were further apart than `gapMs` (a
 * silence). SVG, not a canvas: at most 20 bars per visible row is cheap, and it scales with the page's zoom.
 */
export const BeatStrip = memo(function BeatStrip({
  beats,
  gapMs,
  label,
}: {
  /** Heartbeat instants (ms), oldest first. */
  beats: readonly number[]
  gapMs: number
  label: string
}) {
  const recent = beats.slice(-BEAT_SLOTS)
  const start = BEAT_SLOTS - recent.length
  return (
    <svg
      role="img"
      aria-label={label}
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      className="shrink-0 overflow-hidden rounded-sm bg-sunken"
    >
      {recent.map((ts, i) => {
        const prev = i > 0 ? recent[i - 1] : beats[beats.length - recent.length - 1]
        const silentBefore = prev !== undefined && ts - prev > gapMs
        const x = (start + i) * SLOT
        return (
          <g key={i}>
            {silentBefore && <rect x={x} y={H - 3} width={1.5} height={3} className="fill-bad" />}
            <rect x={x + 1.5} y={3} width={SLOT - 2.5} height={H - 6} rx={0.5} className="fill-ok" />
          </g>
        )
      })}
    </svg>
  )
})
