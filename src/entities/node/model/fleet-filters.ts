import type { Liveness } from './liveness.ts'
import { entryKeys } from './fleet-search-keys.ts'
import { sortedRows, viewsOf } from './fleet-sort.ts'
import { NODE_ROLES, NODE_TYPES, type NodeEntry } from './schemas.ts'

/**
 * What the operator narrowed the fleet to: a search text, liveness/role/type filters and a sort. The state
 * lives in the URL (shared by the overview and the topology view), so it parses tolerantly (unknown values are
 * dropped) and serializes minimally (defaults are left out of the address).
 */
export type FleetLivenessFilter = Liveness | 'invalid'
export type FleetRole = (typeof NODE_ROLES)[number]
export type FleetType = (typeof NODE_TYPES)[number]
export const FLEET_SORTS = ['name', 'liveness', 'age', 'role', 'type'] as const
export type FleetSort = (typeof FLEET_SORTS)[number]
export type SortDir = 'asc' | 'desc'

export const FLEET_LIVENESS_FILTERS: readonly FleetLivenessFilter[] = [
  'online',
  'stale',
  'offline',
  'unknown',
  'unreachable',
  'invalid',
]

export interface FleetFilters {
  q: string
  liveness: FleetLivenessFilter[]
  role: FleetRole[]
  type: FleetType[]
  sort: FleetSort
  dir: SortDir
}

export const DEFAULT_FLEET_FILTERS: FleetFilters = {
  q: '',
  liveness: [],
  role: [],
  type: [],
  sort: 'name',
  dir: 'asc',
}

/** The URL parameters this state owns; every other parameter (selection, demo size) is left alone. */
const PARAM = { q: 'q', liveness: 'liveness', role: 'role', type: 'type', sort: 'sort', dir: 'dir' } as const

const MAX_QUERY = 200

function pickList<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const seen = new Set<T>()
  // Both `?role=a,b` and `?role=a&role=b` are accepted; order follows `allowed` so equal states serialize equally.
  for (const raw of params.getAll(name)) {
    for (const part of raw.split(',')) {
      const v = part.trim().toLowerCase()
      if ((allowed as readonly string[]).includes(v)) seen.add(v as T)
    }
  }
  return allowed.filter((v) => seen.has(v))
}

export function parseFleetFilters(params: URLSearchParams): FleetFilters {
  const sort = params.get(PARAM.sort)
  const dir = params.get(PARAM.dir)
  return {
    q: (params.get(PARAM.q) ?? '').slice(0, MAX_QUERY),
    liveness: pickList(params, PARAM.liveness, FLEET_LIVENESS_FILTERS),
    role: pickList(params, PARAM.role, NODE_ROLES),
    type: pickList(params, PARAM.type, NODE_TYPES),
    sort: (FLEET_SORTS as readonly string[]).includes(sort ?? '') ? (sort as FleetSort) : 'name',
    dir: dir === 'desc' ? 'desc' : 'asc',
  }
}

/** A copy of `params` carrying `filters`, with defaults omitted; parameters the filters do not own are kept. */
export function writeFleetFilters(params: URLSearchParams, filters: FleetFilters): URLSearchParams {
  const out = new URLSearchParams(params)
  for (const name of Object.values(PARAM)) out.delete(name)
  if (filters.q !== '') out.set(PARAM.q, filters.q.slice(0, MAX_QUERY))
  const lists = [
    [PARAM.liveness, FLEET_LIVENESS_FILTERS, filters.liveness],
    [PARAM.role, NODE_ROLES, filters.role],
    [PARAM.type, NODE_TYPES, filters.type],
  ] as const
  for (const [name, allowed, values] of lists) {
    const ordered = (allowed as readonly string[]).filter((v) => (values as readonly string[]).includes(v))
    if (ordered.length > 0) out.set(name, ordered.join(','))
  }
  if (filters.sort !== 'name') out.set(PARAM.sort, filters.sort)
  if (filters.dir !== 'asc') out.set(PARAM.dir, filters.dir)
  return out
}

export function isFiltering(f: FleetFilters): boolean {
  return f.q.trim() !== '' || f.liveness.length > 0 || f.role.length > 0 || f.type.length > 0
}

/** The fields of a fleet row the filters read. */
export interface FilterableFleetRow {
  readonly entry: NodeEntry
  readonly liveness: FleetLivenessFilter
}

// Results are kept with the rows array (`viewsOf`): a keystroke that extends the search ("node-1" → "node-12")
// narrows the previous result instead of scanning the whole fleet again, and a backspace finds its answer there.
/** Results kept per rows array: a typed word and its backspaces, several times over. */
const RESULT_CACHE_MAX = 64

/**
 * Filters and sorts the fleet. Search terms (split on spaces) must all match; the lists are OR within a
 * filter and AND across filters. Ties fall back to the name, so the order is stable across polls (the
 * registry's own order changes after every update). The sorted order and recent results are cached per
 * `rows` array, so keep the array stable while the data does not change; the result is shared, never
 * mutate it.
 */
export function applyFleetFilters<R extends FilterableFleetRow>(
  rows: readonly R[],
  filters: FleetFilters,
): readonly R[] {
  const q = filters.q.toLowerCase()
  const terms = q.split(/\s+/).filter(Boolean)
  const liveness = filters.liveness.length > 0 ? new Set<string>(filters.liveness) : null
  const roles = filters.role.length > 0 ? new Set<string>(filters.role) : null
  const types = filters.type.length > 0 ? new Set<string>(filters.type) : null

  const sorted = sortedRows(rows, filters.sort, filters.dir)
  if (!terms.length && !liveness && !roles && !types) return sorted

  const byFilters = viewsOf(rows).results
  const base = [filters.sort, filters.dir, filters.liveness, filters.role, filters.type].join('|')
  const key = `${base}|${q}`
  // Cached for this very array and these filters, so what it holds are rows of type R.
  const hit = byFilters.get(key) as readonly R[] | undefined
  if (hit) return hit

  // The longest cached search this one extends: every row it rejected, this one rejects too (each term is
  // the same or longer, or new), so only its survivors need checking, in the same order.
  let from: readonly R[] = sorted
  let fromLength = -1
  for (const [k, v] of byFilters) {
    const cachedQ = k.slice(base.length + 1)
    if (k.startsWith(`${base}|`) && q.startsWith(cachedQ) && cachedQ.length > fromLength) {
      from = v as readonly R[]
      fromLength = cachedQ.length
    }
  }

  const kept: R[] = []
  for (const row of from) {
    if (liveness && !liveness.has(row.liveness)) continue
    const k = entryKeys(row.entry)
    if (roles && !roles.has(k.role)) continue
    if (types && !types.has(k.type)) continue
    if (terms.length > 0 && !terms.every((t) => k.search.includes(t))) continue
    kept.push(row)
  }
  if (byFilters.size >= RESULT_CACHE_MAX) byFilters.clear()
  byFilters.set(key, kept)
  return kept
}
