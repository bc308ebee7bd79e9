import type { FilterableFleetRow } from '@/entities/node/model/fleet-filters.ts'

/** What the overview shows of one fleet row. */
export interface OverviewRow extends FilterableFleetRow {
  /** Stable across polls: the node id, or the position of an unreadable record. */
  readonly key: string
  /** Set when this id is a silent duplicate of a host another id speaks for. */
  readonly orphan: { readonly of: string | null; readonly host: string | null } | null
}
