import { create } from 'zustand'
import {
  DEFAULT_FLEET_FILTERS,
  parseFleetFilters,
  writeFleetFilters,
  type FleetFilters,
} from './fleet-filters.ts'

/** Typing pauses this long before the search text goes to the address bar. */
export const SEARCH_URL_DELAY_MS = 300

/** Writes a query string to the address bar of `pathname` (replacing the history entry). */
export type AddressWriter = (pathname: string, search: string) => void

interface FleetFilterState {
  /** The view whose address the filters were read from; null while no view holds them. */
  pathname: string | null
  /** The query string as last written or read: ahead of the router while its navigation is in flight. */
  search: string
  /** Query strings the router may still show that are ours: the one last read and every write since. */
  ours: readonly string[]
  /**
   * Search text typed and not yet in the address. Writing the URL re-renders every view reading the
   * location, so at 10,000 nodes the list follows the text at once and the URL once typing pauses.
   */
  draft: string | null
  /** The filters every fleet view applies, the typed text included. */
  filters: FleetFilters
  /** The chosen node (`?node=<id>`). */
  selected: string | null
  /** The router shows `pathname?search`: the router caught up with a write, or someone moved the address. */
  addressRead: (pathname: string, search: string) => void
  /** The view that writes the address mounted (or its router changed). */
  addressConnected: (write: AddressWriter) => void
  /** The view left: nothing is pending, and the next view starts from its own address. */
  viewLeft: () => void
  /** The user typed in the search box: applied at once, written when typing pauses. */
  searchTyped: (q: string) => void
  /** Typing is over (a pause, a blur, Enter, a move into the list): the text goes to the address now. */
  searchCommitted: () => void
  /** The user changed a filter or the sort; the typed text goes to the address with it. */
  filtersChanged: (patch: Partial<FleetFilters>) => void
  /** The user cleared search and filters; the sort stays (it is a way of looking, not a narrowing). */
  filtersCleared: () => void
  /** The user chose a node, or none. */
  nodeSelected: (id: string | null) => void
}

const sameFilters = (a: FleetFilters, b: FleetFilters) =>
  a.q === b.q &&
  writeFleetFilters(new URLSearchParams(), a).toString() ===
    writeFleetFilters(new URLSearchParams(), b).toString()

/** What readers see of `search` with `draft` typed over it; keeps the previous objects when nothing changed. */
function derive(search: string, draft: string | null, prev: FleetFilters | null) {
  const params = new URLSearchParams(search)
  const parsed = parseFleetFilters(params)
  const filters = draft === null || draft === parsed.q ? parsed : { ...parsed, q: draft }
  return { filters: prev && sameFilters(prev, filters) ? prev : filters, selected: params.get('node') }
}

/**
 * The fleet filters of the overview and the topology, one owner for both: the address bar is their truth (a
 * link carries them), this store holds them ahead of it, the typed search text and writes the router has not
 * committed yet, so the search box never lags the keyboard and both views apply the same filters.
 * One timer writes the typed text; one writer (`useFleetFilterAddress`) connects it to the router.
 */
export const useFleetFilterStore = create<FleetFilterState>()((set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined
  let writeAddress: AddressWriter | null = null

  const stopTimer = () => {
    clearTimeout(timer)
    timer = undefined
  }

  /** Writes `next` (built on the latest query string) with `draft` pending over it. */
  const write = (next: string, draft: string | null) => {
    const s = get()
    const changed = next !== s.search
    set({
      search: next,
      ours: changed ? [...s.ours, next] : s.ours,
      draft,
      ...derive(next, draft, s.filters),
    })
    if (changed && s.pathname !== null) writeAddress?.(s.pathname, next)
  }

  return {
    pathname: null,
    search: '',
    ours: [],
    draft: null,
    ...derive('', null, null),

    addressRead: (pathname, search) => {
      const s = get()
      const i = s.pathname === pathname ? s.ours.lastIndexOf(search) : -1
      if (i >= 0) {
        if (i > 0) set({ ours: s.ours.slice(i) })
        return
      }
      stopTimer()
      set({ pathname, search, ours: [search], draft: null, ...derive(search, null, s.filters) })
    },
    addressConnected: (write) => {
      writeAddress = write
    },
    viewLeft: () => {
      stopTimer()
      writeAddress = null
      set({ pathname: null, ours: [], draft: null })
    },

    searchTyped: (q) => {
      const s = get()
      set({ draft: q, filters: q === s.filters.q ? s.filters : { ...s.filters, q } })
      stopTimer()
      timer = setTimeout(get().searchCommitted, SEARCH_URL_DELAY_MS)
    },
    searchCommitted: () => {
      stopTimer()
      const { draft, search } = get()
      if (draft === null) return
      const prev = new URLSearchParams(search)
      write(writeFleetFilters(prev, { ...parseFleetFilters(prev), q: draft }).toString(), null)
    },
    filtersChanged: (patch) => {
      stopTimer()
      const { draft, search } = get()
      const prev = new URLSearchParams(search)
      const next = { ...parseFleetFilters(prev), ...(draft === null ? {} : { q: draft }), ...patch }
      write(writeFleetFilters(prev, next).toString(), null)
    },
    filtersCleared: () => {
      stopTimer()
      const prev = new URLSearchParams(get().search)
      const { sort, dir } = parseFleetFilters(prev)
      write(writeFleetFilters(prev, { ...DEFAULT_FLEET_FILTERS, sort, dir }).toString(), null)
    },
    nodeSelected: (id) => {
      const { search, draft } = get()
      const next = new URLSearchParams(search)
      if (id === null) next.delete('node')
      else next.set('node', id)
      write(next.toString(), draft)
    },
  }
})
