import type { Liveness } from './liveness.ts'
import type { NodeEntry } from './schemas.ts'

/**
 * A restarted agent registers again under a new id and the old row stays: several ids for one host. Where
 * exactly one of them is alive, the silent ones are that live node's orphans. (With none alive the host is
 * simply down; with several alive they are distinct nodes that share a name, and nothing is flagged.)
 */
export interface OrphanOf {
  hostname: string
  /** The live node this silent record is an orphan of. */
  aliveNodeId: string
}

/** The node's hostname: the column, or the one the agent reported in its capabilities. */
export function hostnameOf(entry: NodeEntry): string | null {
  if (entry.kind !== 'ok') return null
  const h = entry.node.hostname ?? entry.node.metadata.capabilities.system?.hostname ?? null
  const trimmed = h?.trim()
  return trimmed ? trimmed : null
}

/**
 * Orphans among `items` (O(n)): a map from the index of each orphan to what it is an orphan of. `liveness`
 * gives each item's liveness; only `online` counts as alive.
 */
export interface OrphanCandidate {
  entry: NodeEntry
  hostname: string | null
  liveness: Liveness | 'invalid'
}

export function findOrphans(items: readonly OrphanCandidate[]): Map<number, OrphanOf> {
  const groups = new Map<string, { indexes: number[]; alive: number[] }>()
  items.forEach((item, i) => {
    if (item.entry.kind !== 'ok' || item.hostname === null) return
    const key = item.hostname.toLowerCase()
    let g = groups.get(key)
    if (!g) {
      g = { indexes: [], alive: [] }
      groups.set(key, g)
    }
    g.indexes.push(i)
    if (item.liveness === 'online') g.alive.push(i)
  })
  const out = new Map<number, OrphanOf>()
  for (const g of groups.values()) {
    if (g.indexes.length < 2 || g.alive.length !== 1) continue
    const aliveIndex = g.alive[0] as number
    const alive = items[aliveIndex]
    if (alive?.entry.kind !== 'ok' || alive.hostname === null) continue
    for (const i of g.indexes) {
      if (i !== aliveIndex) out.set(i, { hostname: alive.hostname, aliveNodeId: alive.entry.node.node_id })
    }
  }
  return out
}
