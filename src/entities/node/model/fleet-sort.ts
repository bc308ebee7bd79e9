import type { FilterableFleetRow, FleetLivenessFilter, FleetSort, SortDir } from './fleet-filters.ts'
import { entryKeys, type EntryKeys } from './fleet-search-keys.ts'

/** Problems first when sorted ascending by liveness: that is what an operator scans for. */
const LIVENESS_RANK: Record<FleetLivenessFilter, number> = {
  offline: 0,
  stale: 1,
  unreachable: 2,
  unknown: 3,
  invalid: 4,
  online: 5,
}

type Compare = (a: EntryKeys, b: EntryKeys) => number
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

// Empty role/type and missing heartbeats go last whichever the direction: they carry the least information.
function compareMissingLast(a: string, b: string, dir: number) {
  if (a === b) return 0
  if (a === '') return 1
  if (b === '') return -1
  return dir * byString(a, b)
}

function sortRows<R extends FilterableFleetRow>(rows: readonly R[], sort: FleetSort, dir: SortDir): R[] {
  const d = dir === 'desc' ? -1 : 1
  const byName: Compare = (a, b) => byString(a.name, b.name)
  let primary: (a: { row: R; k: EntryKeys }, b: { row: R; k: EntryKeys }) => number
  switch (sort) {
    case 'name':
      primary = (a, b) => d * byName(a.k, b.k)
      break
    case 'liveness':
      primary = (a, b) => d * (LIVENESS_RANK[a.row.liveness] - LIVENESS_RANK[b.row.liveness])
      break
    case 'age':
      // Ascending age is the freshest heartbeat first; nodes that never beat go last.
      primary = (a, b) => {
        const x = a.k.lastHeartbeat
        const y = b.k.lastHeartbeat
        if (x === y) return 0
        if (x === null) return 1
        if (y === null) return -1
        return d * (y - x)
      }
      break
    case 'role':
      primary = (a, b) => compareMissingLast(a.k.role, b.k.role, d)
      break
    case 'type':
      primary = (a, b) => compareMissingLast(a.k.type, b.k.type, d)
      break
  }
  const keyed = rows.map((row) => ({ row, k: entryKeys(row.entry) }))
  keyed.sort((a, b) => primary(a, b) || byName(a.k, b.k) || byString(a.k.id, b.k.id))
  return keyed.map((x) => x.row)
}

/** The views of one rows array that a keystroke reuses: its sorted orders, and recent filter results. */
export interface RowsViews {
  /** By sort and direction: a keystroke only filters (O(n)); it never sorts 10,000 rows again. */
  sorted: Map<string, readonly FilterableFleetRow[]>
  /** By filters (see `applyFleetFilters`). */
  results: Map<string, readonly FilterableFleetRow[]>
}

// Keyed by the rows array, their natural owner: the views are valid exactly as long as the array is, and go with it.
const viewsByRows = new WeakMap<readonly FilterableFleetRow[], RowsViews>()

export function viewsOf(rows: readonly FilterableFleetRow[]): RowsViews {
  let views = viewsByRows.get(rows)
  if (!views) {
    views = { sorted: new Map(), results: new Map() }
    viewsByRows.set(rows, views)
  }
  return views
}

export function sortedRows<R extends FilterableFleetRow>(
  rows: readonly R[],
  sort: FleetSort,
  dir: SortDir,
): readonly R[] {
  const { sorted: bySort } = viewsOf(rows)
  const key = `${sort}:${dir}`
  // Kept for this very array, so what it holds are rows of type R.
  let sorted = bySort.get(key) as readonly R[] | undefined
  if (!sorted) {
    sorted = sortRows(rows, sort, dir)
    bySort.set(key, sorted)
  }
  return sorted
}
