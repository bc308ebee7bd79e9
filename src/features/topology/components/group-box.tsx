import type { ReactNode } from 'react'
import type { Liveness } from '@/entities/node/model/liveness.ts'
import { livenessBg, livenessText } from '@/entities/node/ui/liveness-style.ts'
import { nodeMessages } from '@/entities/node/ui/node-messages.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { cn } from '@/lib/cn.ts'
import { DENSE_PAGE, GROUP_HEADER_H, TILE_H, type GroupLayout } from '../model/layout.ts'
import { topologyMessages } from './topology-messages.ts'

export type LivenessCounts = Record<Liveness, number>

const ORDER: readonly Liveness[] = ['online', 'stale', 'offline', 'unreachable', 'unknown']

/**
 * A role group's frame: a header with its "4/5 online" summary and a collapse button, and in dense mode a
 * tile with the counts per liveness and "+N more". The cards themselves are drawn by the view (culled).
 */
export function GroupBox({
  group,
  counts,
  onToggle,
  onMore,
  onFewer,
  children,
}: {
  group: GroupLayout
  counts: LivenessCounts
  onToggle: (key: GroupLayout['key']) => void
  onMore: (key: GroupLayout['key']) => void
  onFewer: (key: GroupLayout['key']) => void
  /** The group's visible cards, placed relative to the group's frame. */
  children?: ReactNode
}) {
  const t = useT(topologyMessages)
  const liveness = useT(nodeMessages)
  const name = t(group.key)
  const total = group.memberIds.length
  const hidden = total - group.shownCount
  const collapsible = group.mode !== 'tile' && group.key !== 'hubs'
  const expanded = group.mode === 'cards'
  const headingId = `topology-group-${group.key}`
  const summary = t('groupSummary', { online: counts.online, total })
  const summaryClass = cn(
    'rounded-full px-2 py-0.5 text-xs font-medium tabular-nums',
    counts.online === total ? 'text-ok' : 'text-warn',
  )

  return (
    <section
      role="group"
      aria-labelledby={headingId}
      data-group={group.key}
      className="absolute rounded-xl border border-border bg-sunken/60"
      style={{ left: group.x, top: group.y, width: group.width, height: group.height }}
    >
      <div className="flex items-center gap-2 px-3" style={{ height: GROUP_HEADER_H }}>
        <h2 id={headingId} className="truncate text-sm font-semibold">
          {name}
        </h2>
        {collapsible ? (
          <button
            type="button"
            aria-expanded={expanded}
            onClick={() => onToggle(group.key)}
            className={cn(summaryClass, 'ml-auto border border-border bg-raised hover:bg-sunken')}
          >
            <span aria-hidden="true">{expanded ? '▾ ' : '▸ '}</span>
            <span className="sr-only">{name}: </span>
            {summary}
          </button>
        ) : (
          <span className={cn(summaryClass, 'ml-auto')}>{summary}</span>
        )}
      </div>
      {group.mode === 'tile' && (
        <div className="flex flex-col gap-2 px-3" style={{ height: TILE_H }}>
          <div aria-hidden="true" className="flex h-3 w-full overflow-hidden rounded-full bg-raised">
            {ORDER.map((l) =>
              counts[l] > 0 ? (
                <span key={l} className={livenessBg[l]} style={{ width: `${(100 * counts[l]) / total}%` }} />
              ) : null,
            )}
          </div>
          <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs">
            {ORDER.map((l) => (
              <li key={l} className={cn('tabular-nums', livenessText[l])}>
                {counts[l]} {liveness(l)}
              </li>
            ))}
          </ul>
          {group.shownCount > 0 && (
            <button
              type="button"
              onClick={() => onFewer(group.key)}
              className="self-start rounded-md border border-border bg-raised px-2 py-0.5 text-xs hover:bg-sunken"
            >
              {t('showFewer')}
            </button>
          )}
        </div>
      )}
      {group.more && hidden > 0 && (
        <button
          type="button"
          aria-label={t('moreLabel', { page: Math.min(DENSE_PAGE, hidden), count: hidden, name })}
          onClick={() => onMore(group.key)}
          className="absolute rounded-md border border-dashed border-border bg-raised text-sm font-medium text-accent hover:bg-sunken"
          style={{
            left: group.more.x - group.x,
            top: group.more.y - group.y,
            width: group.more.width,
            height: group.more.height,
          }}
        >
          {t('more', { count: hidden })}
        </button>
      )}
      {children}
    </section>
  )
}
