import { useCallback, useMemo } from 'react'
import {
  DEFAULT_FLEET_FILTERS,
  parseFleetFilters,
  writeFleetFilters,
  type FleetFilters,
} from '@/entities/node/model/fleet-filters.ts'
import { useLatestSearchParams } from './use-latest-search-params.ts'

/**
 * The fleet filters, read from and written to the address bar, so a reload or a shared link shows the same
 * list. Reads see a write at once (see `useLatestSearchParams`), so the search box never lags the keyboard.
 */
export function useFleetFilterParams(): {
  filters: FleetFilters
  /** The user changed part of the filters (search text, a toggle, the sort). */
  filtersChanged: (patch: Partial<FleetFilters>) => void
  /** The user cleared search and filters; the sort stays (it is a way of looking, not a narrowing). */
  filtersCleared: () => void
} {
  const [params, update] = useLatestSearchParams()
  const key = params.toString()
  // Parsed once per query string (not per render), so the object is stable for the memos downstream.
  const filters = useMemo(() => parseFleetFilters(new URLSearchParams(key)), [key])

  const filtersChanged = useCallback(
    (patch: Partial<FleetFilters>) =>
      update((prev) => writeFleetFilters(prev, { ...parseFleetFilters(prev), ...patch })),
    [update],
  )
  const filtersCleared = useCallback(
    () =>
      update((prev) => {
        const { sort, dir } = parseFleetFilters(prev)
        return writeFleetFilters(prev, { ...DEFAULT_FLEET_FILTERS, sort, dir })
      }),
    [update],
  )
  return { filters, filtersChanged, filtersCleared }
}

/** The chosen node (`?node=<id>`), kept in the URL beside the filters. */
export function useSelectedNodeParam(): [string | null, (id: string | null) => void] {
  const [params, update] = useLatestSearchParams()
  const selected = params.get('node')
  const select = useCallback(
    (id: string | null) =>
      update((prev) => {
        const out = new URLSearchParams(prev)
        if (id === null) out.delete('node')
        else out.set('node', id)
        return out
      }),
    [update],
  )
  return [selected, select]
}
