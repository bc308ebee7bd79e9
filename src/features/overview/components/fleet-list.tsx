import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useId, useMemo, useRef, type KeyboardEvent, type Ref } from 'react'
import { useT } from '@/lib/i18n/use-t.ts'
import { FleetListRow, ROW_HEIGHT } from './fleet-list-row.tsx'
import type { FleetRow } from '@/entities/node/model/fleet.ts'
import { overviewMessages } from '../overview-messages.ts'

const PAGE = 10

/**
 * The fleet as a virtualized listbox: only the rows in view (plus a few) exist in the DOM, so 10,000 nodes
 * cost what 30 do. Focus stays on the list itself and `aria-activedescendant` names the chosen row (rows come
 * and go as they scroll, so they cannot hold focus). Arrows, Page Up/Down, Home and End choose; Enter opens.
 */
export const FleetList = memo(function FleetList({
  rows,
  selectedKey,
  gapMs,
  onSelect,
  onOpen,
  listRef,
}: {
  listRef?: Ref<HTMLDivElement>
  rows: readonly FleetRow[]
  selectedKey: string | null
  gapMs: number
  onSelect: (key: string) => void
  onOpen: (row: FleetRow) => void
}) {
  const t = useT(overviewMessages)
  const listId = useId()
  const hintId = useId()
  const scrollRef = useRef<HTMLDivElement>(null)

  // One pass without allocating: a keystroke at 10,000 rows should not build a 10,000-entry map.
  const active = useMemo(
    () => (selectedKey === null ? -1 : rows.findIndex((r) => r.key === selectedKey)),
    [rows, selectedKey],
  )

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (i) => rows[i]?.key ?? i,
    // Before the first measurement (and in tests without layout) assume a screenful.
    initialRect: { width: 1024, height: 720 },
  })

  // Keep the chosen row in view when the selection comes from the URL or the filters move it.
  useEffect(() => {
    if (active >= 0) virtualizer.scrollToIndex(active, { align: 'auto' })
  }, [active, virtualizer])

  // Latest rows for the stable callbacks below: a row's click handler must not change on every poll.
  const rowsRef = useRef(rows)
  useEffect(() => {
    rowsRef.current = rows
  }, [rows])

  const pick = useCallback(
    (index: number) => {
      const row = rowsRef.current[index]
      if (!row) return
      onSelect(row.key)
      onOpen(row)
    },
    [onSelect, onOpen],
  )

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = rows.length - 1
    if (last < 0) return
    const moves: Record<string, number> = {
      ArrowDown: active < 0 ? 0 : active + 1,
      ArrowUp: active < 0 ? 0 : active - 1,
      PageDown: active + PAGE,
      PageUp: active - PAGE,
      Home: 0,
      End: last,
    }
    const target = moves[e.key]
    if (target !== undefined) {
      e.preventDefault()
      const next = rows[Math.min(last, Math.max(0, target))]
      if (next) onSelect(next.key)
      return
    }
    if (e.key === 'Enter' && active >= 0) {
      e.preventDefault()
      const row = rows[active]
      if (row) onOpen(row)
    }
  }

  const items = virtualizer.getVirtualItems()
  const activeRendered = items.some((v) => v.index === active)

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto">
      <span id={hintId} className="sr-only">
        {t('listHint')}
      </span>
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        tabIndex={0}
        aria-label={t('listLabel')}
        aria-describedby={hintId}
        aria-activedescendant={activeRendered ? `${listId}-${active}` : undefined}
        onKeyDown={onKeyDown}
        className="relative w-full focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((v) => {
          const row = rows[v.index]
          if (!row) return null
          return (
            // Keyed by position, not by node: when a keystroke changes which nodes are on screen, each row's
            // DOM is updated in place instead of ~30 rows unmounted and ~30 created (rows hold no state).
            <FleetListRow
              key={v.index}
              row={row}
              optionId={`${listId}-${v.index}`}
              index={v.index}
              setSize={rows.length}
              top={v.start}
              selected={v.index === active}
              gapMs={gapMs}
              onPick={pick}
            />
          )
        })}
      </div>
    </div>
  )
})
