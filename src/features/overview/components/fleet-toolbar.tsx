import { useEffect, useId, useRef } from 'react'
import {
  FLEET_LIVENESS_FILTERS,
  FLEET_SORTS,
  isFiltering,
  type FleetLivenessFilter,
  type FleetSort,
} from '@/entities/node/model/fleet-filters.ts'
import { useFleetFilterStore } from '@/entities/node/model/fleet-filter-store.ts'
import { NODE_ROLES, NODE_TYPES } from '@/entities/node/model/schemas.ts'
import { useFleetFilterAddress, useFleetFilters } from '@/entities/node/model/use-fleet-filters.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { Button } from '@/ui/button.tsx'
import { SearchField } from '@/ui/search-field.tsx'
import { ToggleGroup, toggled } from '@/ui/toggle-group.tsx'
import { overviewMessages } from '../overview-messages.ts'

const sortLabel = {
  name: 'sortName',
  liveness: 'sortLiveness',
  age: 'sortAge',
  role: 'sortRole',
  type: 'sortType',
} as const satisfies Record<FleetSort, string>

const livenessLabel = {
  online: 'online',
  stale: 'stale',
  offline: 'offline',
  unknown: 'unknown',
  unreachable: 'unreachable',
  invalid: 'invalid',
} as const satisfies Record<FleetLivenessFilter, string>

const isTypingTarget = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT')

/**
 * Search, filters and sort of the fleet, bound to the URL. The overview shows it above the list, and the app
 * can place it above the topology view, which reads the same parameters. `/` focuses the search box.
 * `livenessPresent` hides the rarer states (never seen, unreadable) when no node is in them.
 */
export function FleetToolbar({
  livenessPresent,
  summary,
  onSearchArrowDown,
}: {
  livenessPresent?: ReadonlySet<FleetLivenessFilter>
  summary?: string | undefined
  /** Down from the search box moves into the results (the overview focuses its list). */
  onSearchArrowDown?: () => void
}) {
  const t = useT(overviewMessages)
  useFleetFilterAddress()
  const filters = useFleetFilters()
  const { searchTyped, searchCommitted, filtersChanged, filtersCleared } = useFleetFilterStore.getState()
  const searchRef = useRef<HTMLInputElement>(null)
  const sortId = useId()

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return
      e.preventDefault()
      searchRef.current?.focus()
      searchRef.current?.select()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  const liveness = FLEET_LIVENESS_FILTERS.filter(
    (v) =>
      !livenessPresent ||
      (v !== 'unknown' && v !== 'invalid') ||
      livenessPresent.has(v) ||
      filters.liveness.includes(v),
  )

  return (
    <div className="flex flex-col gap-2 border-b border-border bg-surface px-4 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <SearchField
          label={t('search')}
          labelClassName="sr-only"
          ref={searchRef}
          value={filters.q}
          onChange={(e) => searchTyped(e.target.value)}
          // The typed text reaches the address bar when typing pauses, and before focus or the view moves on.
          onBlur={searchCommitted}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filters.q !== '') {
              e.preventDefault()
              searchTyped('')
            } else if (e.key === 'Enter') {
              searchCommitted()
            } else if (e.key === 'ArrowDown' && onSearchArrowDown) {
              e.preventDefault()
              searchCommitted()
              onSearchArrowDown()
            }
          }}
          placeholder={t('searchPlaceholder')}
          aria-keyshortcuts="/"
          className="flex-1 basis-64"
        />
        <label htmlFor={sortId} className="text-sm text-muted">
          {t('sortBy')}
        </label>
        <select
          id={sortId}
          value={filters.sort}
          onChange={(e) => filtersChanged({ sort: e.target.value as FleetSort })}
          className="rounded-md border border-border bg-raised px-2 py-1.5 text-sm"
        >
          {FLEET_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(sortLabel[s])}
            </option>
          ))}
        </select>
        <Button
          onClick={() => filtersChanged({ dir: filters.dir === 'asc' ? 'desc' : 'asc' })}
          aria-label={filters.dir === 'asc' ? t('dirAsc') : t('dirDesc')}
          title={filters.dir === 'asc' ? t('dirAsc') : t('dirDesc')}
        >
          <span aria-hidden="true">{filters.dir === 'asc' ? '↑' : '↓'}</span>
        </Button>
        {isFiltering(filters) && (
          <Button variant="ghost" onClick={filtersCleared}>
            {t('clearFilters')}
          </Button>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <ToggleGroup
          label={t('filterLiveness')}
          options={liveness}
          selected={filters.liveness}
          labelOf={(v) => t(livenessLabel[v])}
          onToggle={(v) => filtersChanged({ liveness: toggled(filters.liveness, v) })}
        />
        <ToggleGroup
          label={t('filterRole')}
          options={NODE_ROLES}
          selected={filters.role}
          labelOf={(v) => v}
          onToggle={(v) => filtersChanged({ role: toggled(filters.role, v) })}
        />
        <ToggleGroup
          label={t('filterType')}
          options={NODE_TYPES}
          selected={filters.type}
          labelOf={(v) => v}
          onToggle={(v) => filtersChanged({ type: toggled(filters.type, v) })}
        />
        {summary && (
          <span role="status" className="ml-auto text-sm text-muted">
            {summary}
          </span>
        )}
      </div>
    </div>
  )
}
