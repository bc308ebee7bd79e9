import { memo } from 'react'
import { Link } from 'react-router'
import type { Liveness } from '@/entities/node/model/liveness.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatRelative } from '@/lib/time/format-time.ts'
import { useNow } from '@/lib/time/now-store.ts'
import { cn } from '@/lib/cn.ts'
import { revealControls } from '@/lib/text/reveal-controls.ts'
import { CARD_H, CARD_W } from '../model/layout.ts'
import { ObservedBeatStrip } from '@/entities/node/ui/beat-strip.tsx'
import { livenessBg, livenessBorder, livenessText } from '@/entities/node/ui/liveness-style.ts'
import { nodeMessages } from '@/entities/node/ui/node-messages.ts'
import { topologyMessages } from './topology-messages.ts'

/** What a card shows of a node; built once per snapshot by the view. */
export interface TopologyNodeView {
  id: string
  name: string
  role: string | null
  type: string | null
  liveness: Liveness
  lastHeartbeat: number | null
  /** Set when this id is a silent duplicate of the live node on the same host (see `findOrphans`). */
  orphan: { aliveNodeId: string; hostname: string } | null
}

/**
 * A node on the map: a link to its page (click or Enter), absolutely placed in world coordinates. Its
 * accessible name is its visible text (name, role · type, liveness, heartbeat age), so what is read is
 * what is seen. Memoized
 * so a pan or an unrelated node's heartbeat does not re-render it; only its own data and the 1 s tick do.
 */
export const NodeCard = memo(function NodeCard({
  node,
  x,
  y,
  hub,
  gapMs,
}: {
  node: TopologyNodeView
  x: number
  y: number
  hub?: boolean
  /** A silence longer than this between two beats is marked in the strip (the online threshold). */
  gapMs: number
}) {
  const t = useT(topologyMessages)
  const liveness = useT(nodeMessages)
  const lang = useLang()
  const now = useNow()
  const age = node.lastHeartbeat === null ? null : formatRelative(node.lastHeartbeat, now, lang)
  const role = node.role ?? '—'
  const type = node.type ?? '—'

  return (
    <Link
      to={`/nodes/${encodeURIComponent(node.id)}`}
      data-node-id={node.id}
      draggable={false}
      className={cn(
        'absolute flex flex-col gap-1 overflow-hidden rounded-lg border-2 bg-raised p-2 text-left text-xs shadow-sm hover:bg-sunken',
        livenessBorder[node.liveness],
        hub && 'ring-2 ring-accent/40',
      )}
      style={{ left: x, top: y, width: CARD_W, height: CARD_H }}
    >
      <span className="flex items-center gap-1">
        <span className="truncate text-sm font-semibold text-fg" title={node.name}>
          {node.name}
        </span>
        {node.orphan && <OrphanChip orphan={node.orphan} />}
      </span>
      <span className="truncate text-muted">
        {role} · {type}
      </span>
      <span className="flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className={cn('inline-block h-2.5 w-2.5 rounded-full', livenessBg[node.liveness])}
        />
        <span className={cn('font-medium', livenessText[node.liveness])}>{liveness(node.liveness)}</span>
        <span className="ml-auto truncate text-muted tabular-nums">
          {age === null ? (
            t('neverBeat')
          ) : (
            <>
              <span className="sr-only">{t('lastBeat')} </span>
              {age}
            </>
          )}
        </span>
      </span>
      <ObservedBeatStrip nodeId={node.id} gapMs={gapMs} size="card" />
    </Link>
  )
})

/** A short chip on the card; its whole text (whose orphan, and why) in its title and for screen readers. */
function OrphanChip({ orphan }: { orphan: NonNullable<TopologyNodeView['orphan']> }) {
  const t = useT(topologyMessages)
  const of = t('orphanOf', { node: revealControls(orphan.aliveNodeId) })
  return (
    <span
      data-badge=""
      title={`${of} — ${t('orphanHint', { host: revealControls(orphan.hostname) })}`}
      className="ml-auto shrink-0 rounded border border-warn px-1 text-[0.65rem] font-medium text-warn"
    >
      <span aria-hidden="true">{t('orphan')}</span>
      <span className="sr-only">{of}</span>
    </span>
  )
}
