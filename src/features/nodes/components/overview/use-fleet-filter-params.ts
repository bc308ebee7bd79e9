import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import {
  DEFAULT_FLEET_FILTERS,
  parseFleetFilters,
  writeFleetFilters,
  type FleetFilters,
} from '@/entities/node/model/fleet-filters.ts'

/**
 * The fleet filters, read from and written to the address bar, so a reload or a shared link shows the same
 * list. Writes replace the history entry: typing a search should not fill the back button with keystrokes.
 */
export function useFleetFilterParams(): {
  filters: FleetFilters
  filtersChanged: (patch: Partial<FleetFilters>) => void
  filtersCleared: () => void
} {
  const [params, setParams] = useSearchParams()
  const key = params.toString()
  // Parsed once per address (not per render), so the object is stable for the memos downstream.
  const filters = useMemo(() => parseFleetFilters(new URLSearchParams(key)), [key])

  const filtersChanged = useCallback(
    (patch: Partial<FleetFilters>) => {
      setParams((prev) => writeFleetFilters(prev, { ...parseFleetFilters(prev), ...patch }), {
        replace: true,
      })
    },
    [setParams],
  )
  const filtersCleared = useCallback(() => {
    // Keeps the sort: it is a way of looking, not a narrowing.
    setParams(
      (prev) => {
        const { sort, dir } = parseFleetFilters(prev)
        return writeFleetFilters(prev, { ...DEFAULT_FLEET_FILTERS, sort, dir })
      },
      { replace: true },
    )
  }, [setParams])

  return { filters, filtersChanged, filtersCleared }
}

/** The selected node (`?node=<id>`), kept in the URL beside the filters. */
export function useSelectedNodeParam(): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams()
  const selected = params.get('node')
  const select = useCallback(
    (id: string | null) => {
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev)
          if (id === null) out.delete('node')
          else out.set('node', id)
          return out
        },
        { replace: true },
      )
    },
    [setParams],
  )
  return [selected, select]
}
