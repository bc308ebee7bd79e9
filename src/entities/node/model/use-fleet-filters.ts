import { useLayoutEffect, useMemo } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { parseFleetFilters, type FleetFilters } from './fleet-filters.ts'
import { useFleetFilterStore } from './fleet-filter-store.ts'

const withoutMark = (s: string) => (s.startsWith('?') ? s.slice(1) : s)

/**
 * Whether the store holds this address's filters: the router shows one of the store's own query strings.
 * Until it does (first render of a view, a link or back button moved the address), readers parse the
 * address themselves, so no render applies another view's filters.
 */
function useStoreIsCurrent(): [boolean, string] {
  const { pathname, search } = useLocation()
  const query = withoutMark(search)
  const current = useFleetFilterStore((s) => s.pathname === pathname && s.ours.includes(query))
  return [current, query]
}

/** The fleet filters every view applies (search text as typed, filters and sort from the address). */
export function useFleetFilters(): FleetFilters {
  const [current, query] = useStoreIsCurrent()
  const stored = useFleetFilterStore((s) => s.filters)
  const fromAddress = useMemo(
    () => (current ? null : parseFleetFilters(new URLSearchParams(query))),
    [current, query],
  )
  return fromAddress ?? stored
}

/** The chosen node (`?node=<id>`), kept in the address beside the filters. */
export function useSelectedNode(): string | null {
  const [current, query] = useStoreIsCurrent()
  const stored = useFleetFilterStore((s) => s.selected)
  return current ? stored : new URLSearchParams(query).get('node')
}

/**
 * Connects the filter store to the address bar: reads every address the router shows, and writes the
 * store's changes with `replace` (filters are a way of looking at one page, not places the back button should
 * visit one keystroke at a time). Mounted once per view, by the view's toolbar.
 */
export function useFleetFilterAddress(): void {
  const { pathname, search } = useLocation()
  const navigate = useNavigate()
  const query = withoutMark(search)
  const { addressConnected, addressRead, viewLeft } = useFleetFilterStore.getState()

  useLayoutEffect(() => () => viewLeft(), [viewLeft])
  useLayoutEffect(() => {
    addressConnected((path, next) => {
      void navigate({ pathname: path, search: next === '' ? '' : `?${next}` }, { replace: true })
    })
  }, [addressConnected, navigate])
  useLayoutEffect(() => addressRead(pathname, query), [addressRead, pathname, query])
}
