import { useObservedBeats } from '@/entities/node/model/observed-history-context.tsx'
import { useT } from '@/lib/i18n/use-t.ts'
import { topologyMessages } from './topology-messages.ts'

const SLOTS = 24
const W = 190
const H = 10
const SLOT = W / SLOTS

/**
 * A card's small beat strip: the last beats this page observed (from the shared observed-history store, never
 * a request), newest on the right, with a red mark where a silence longer than `gapMs` came before a beat.
 */
export function CardBeatStrip({ nodeId, gapMs }: { nodeId: string; gapMs: number }) {
  const t = useT(topologyMessages)
  const beats = useObservedBeats(nodeId)
  const recent = beats.slice(-SLOTS)
  const start = SLOTS - recent.length
  return (
    <svg
      role="img"
      aria-label={t('beats', { count: beats.length })}
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      className="mt-auto rounded-sm bg-sunken"
    >
      {recent.map((ts, i) => {
        const prev = i > 0 ? recent[i - 1] : beats[beats.length - recent.length - 1]
        const gap = prev !== undefined && ts - prev > gapMs
        const x = (start + i) * SLOT
        return (
          <g key={i}>
            {gap && <rect x={x} y={0} width={1.5} height={H} className="fill-bad" />}
            <rect x={x + 2} y={2} width={SLOT - 3} height={H - 4} rx={1} className="fill-ok" />
          </g>
        )
      })}
    </svg>
  )
}
