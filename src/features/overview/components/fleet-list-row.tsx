import { memo } from 'react'
import type { FleetLivenessFilter } from '@/entities/node/model/fleet-filters.ts'
import { classifyReportedStatus } from '@/entities/node/model/liveness.ts'
import type { RegistryNode } from '@/entities/node/model/schemas.ts'
import { cn } from '@/lib/cn.ts'
import { revealControls } from '@/lib/text/reveal-controls.ts'
import { RegistryText, VisibleId } from '@/ui/registry-text.tsx'
import { useT } from '@/lib/i18n/use-t.ts'
import type { FleetRow } from '@/entities/node/model/fleet.ts'
import { ObservedBeatStrip } from '@/entities/node/ui/beat-strip.tsx'
import { LivenessBadge } from '@/entities/node/ui/liveness-badge.tsx'
import { HeartbeatAge } from './heartbeat-age.tsx'
import { overviewMessages } from '../overview-messages.ts'

export const ROW_HEIGHT = 56

const badge = 'inline-flex max-w-40 truncate rounded border px-1.5 py-0.5 text-xs font-medium'

function ReportedStatus({ node, liveness }: { node: RegistryNode; liveness: FleetLivenessFilter }) {
  const t = useT(overviewMessages)
  const kind = classifyReportedStatus(node.status)
  // "online"/"offline" add nothing to the derived liveness unless they contradict it, either way.
  const worth =
    kind === 'maintenance' ||
    kind === 'degraded' ||
    kind === 'other' ||
    (kind === 'offline' && liveness === 'online') ||
    (kind === 'online' && liveness === 'offline')
  if (!worth || node.status === null) return null
  return (
    <span
      title={t('reported', { status: node.status })}
      data-badge=""
      className={cn(badge, kind === 'maintenance' ? 'border-info text-info' : 'border-warn text-warn')}
    >
      <RegistryText value={node.status} />
    </span>
  )
}

interface RowProps {
  row: FleetRow
  optionId: string
  index: number
  setSize: number
  top: number
  selected: boolean
  gapMs: number
  onPick: (index: number) => void
}

/**
 * One node of the list, memoized: a poll or a tick that leaves this node alone does not render it again. Every
 * value from the registry is rendered as text (React escapes it), including names full of markup.
 */
export const FleetListRow = memo(function FleetListRow({
  row,
  optionId,
  index,
  setSize,
  top,
  selected,
  gapMs,
  onPick,
}: RowProps) {
  const t = useT(overviewMessages)
  const common = {
    id: optionId,
    role: 'option' as const,
    'aria-selected': selected,
    'aria-posinset': index + 1,
    'aria-setsize': setSize,
    style: { transform: `translateY(${top}px)`, height: ROW_HEIGHT },
    className: cn(
      'absolute inset-x-0 top-0 flex cursor-pointer items-center gap-3 border-b border-border px-4 text-sm',
      selected ? 'bg-sunken outline-2 -outline-offset-2 outline-accent' : 'hover:bg-sunken',
    ),
    onClick: () => onPick(index),
  }

  if (row.entry.kind === 'invalid') {
    const e = row.entry
    return (
      <div {...common}>
        <span className="w-28 shrink-0">
          <LivenessBadge liveness="invalid" />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium text-bad">{t('unreadable')}</span>
          <span className="block truncate font-mono text-xs text-muted">
            {e.key} — {t('unreadableHint', { error: e.error })}
          </span>
        </span>
      </div>
    )
  }

  const n = row.entry.node
  const name = n.node_name ?? n.node_id
  return (
    <div {...common}>
      <span className="w-28 shrink-0">
        <LivenessBadge liveness={row.liveness} />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium" title={revealControls(name)}>
          {n.node_name && n.node_name !== n.node_id ? (
            <RegistryText value={name} />
          ) : (
            <VisibleId value={name} />
          )}
        </span>
        <span className="block truncate font-mono text-xs text-muted" title={revealControls(n.node_id)}>
          <VisibleId value={n.node_id} />
        </span>
      </span>
      <span className="hidden w-40 shrink-0 truncate text-muted md:block">
        {[n.node_role, n.node_type].filter(Boolean).join(' · ')}
      </span>
      {/* Room for "orphan of <id>"; a badge still too long is cut with its whole text in its title. */}
      <span className="hidden w-64 shrink-0 items-center gap-1 overflow-hidden lg:flex">
        <ReportedStatus node={n} liveness={row.liveness} />
        {row.entry.issues.length > 0 && (
          <span
            title={`${t('fieldIssues', { fields: row.entry.issues.join(', ') })} — ${t('fieldIssuesHint')}`}
            data-badge=""
            className={cn(badge, 'border-bad text-bad')}
          >
            {t('fieldIssues', { fields: row.entry.issues.join(', ') })}
          </span>
        )}
        {row.orphan && (
          <span
            title={`${t('orphanOf', { node: revealControls(row.orphan.aliveNodeId) })} — ${t('orphanHint', { host: revealControls(row.orphan.hostname) })}`}
            data-badge=""
            className={cn(badge, 'border-warn text-warn')}
          >
            {t('orphanOf', { node: revealControls(row.orphan.aliveNodeId) })}
          </span>
        )}
      </span>
      <span className="hidden sm:block">
        <ObservedBeatStrip nodeId={n.node_id} gapMs={gapMs} />
      </span>
      <span className="w-32 shrink-0 whitespace-nowrap text-right tabular-nums text-muted">
        <HeartbeatAge lastHeartbeat={n.last_heartbeat} neverLabel={t('never')} />
      </span>
    </div>
  )
})
