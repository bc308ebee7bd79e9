import type { HubService } from '@/entities/node/model/hub-services.ts'
import type { ConnectionMethod, Topology } from './derive-edges.ts'

/** The service links of one group (or one pinned hub) to one hub, merged for drawing. */
export interface ServiceBundle {
  /** A group key, or the node id of a pinned hub. */
  from: string
  to: string
  methods: ConnectionMethod[]
  services: HubService[]
  total: number
  broken: number
}

const METHOD_ORDER: readonly ConnectionMethod[] = ['NATS', 'HTTP', 'SSH']

/**
 * Merges per-node service edges into one bundle per (source, hub): a map of hundreds of lines into one hub
 * reads as noise, one labelled link per group does not. `sourceOf` says where a node's edges start (its
 * group, or its own id for a pinned hub); nodes it maps to null are left out.
 */
export function bundleServiceEdges(
  topology: Topology,
  sourceOf: (nodeId: string) => string | null,
): ServiceBundle[] {
  const bundles = new Map<string, ServiceBundle & { m: Set<ConnectionMethod>; s: Set<HubService> }>()
  for (const e of topology.edges) {
    if (e.kind !== 'service') continue
    const from = sourceOf(e.from)
    if (from === null || from === e.to) continue
    const key = `${from}\u0000${e.to}`
    let b = bundles.get(key)
    if (!b) {
      b = { from, to: e.to, methods: [], services: [], total: 0, broken: 0, m: new Set(), s: new Set() }
      bundles.set(key, b)
    }
    b.total += 1
    if (e.state === 'broken') b.broken += 1
    for (const m of e.methods) b.m.add(m)
    for (const s of e.services) b.s.add(s)
  }
  return [...bundles.values()].map(({ m, s, ...b }) => ({
    ...b,
    methods: METHOD_ORDER.filter((x) => m.has(x)),
    services: [...s],
  }))
}
