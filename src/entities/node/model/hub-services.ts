/**
 * The hub-and-spoke model of the fleet, shared by the topology view and the incident model: which nodes host
 * the services others connect to (router, gateway, NATS, Matrix), and which node provides each one. Pure and
 * free of React, the DOM and Node built-ins, so the server's incident bot reads the fleet the same way.
 */

/** Services that make a node a hub other nodes connect to (the registry itself is the graph's centre). */
export type HubService = 'router' | 'gateway' | 'nats' | 'matrix'
export const HUB_SERVICES: readonly HubService[] = ['router', 'gateway', 'nats', 'matrix']

const SERVICE_TOKENS: Record<string, HubService | 'registry'> = {
  router: 'router',
  gateway: 'gateway',
  nats: 'nats',
  jetstream: 'nats',
  matrix: 'matrix',
  synapse: 'matrix',
  registry: 'registry',
}

/**
 * Reads hub services out of free strings such as `dagi-router`, `infra.nats`, `matrix.synapse` or a profile
 * role `gateway`: lower-cased, split on anything that is not a letter or digit, matched token by token, so
 * `routerless` or `natsume` never count.
 */
export function servicesInText(values: readonly string[]): Set<HubService | 'registry'> {
  const out = new Set<HubService | 'registry'>()
  for (const v of values) {
    for (const token of v.toLowerCase().split(/[^a-z0-9]+/)) {
      const s = SERVICE_TOKENS[token]
      if (s) out.add(s)
    }
  }
  return out
}

/** The fleet list's evidence of a node's services: its capabilities and its type (router, gateway). */
export function fleetServicesOf(node: {
  node_type: string | null
  metadata: { capabilities: { services: readonly string[] } }
}): Set<HubService | 'registry'> {
  const set = servicesInText(node.metadata.capabilities.services)
  if (node.node_type === 'router') set.add('router')
  if (node.node_type === 'gateway') set.add('gateway')
  return set
}

/** Production first, then backup, development, others: the order in which a service's provider is chosen. */
export const rolePriority = (role: string | null) =>
  role === 'production' ? 0 : role === 'backup' ? 1 : role === 'development' ? 2 : 3

export interface HubCandidate {
  nodeId: string
  role: string | null
  services: readonly HubService[]
}

/** Hubs in the stable order the topology uses (role priority, then id), independent of liveness. */
export function sortHubs<T extends { nodeId: string }>(
  hubs: T[],
  roleOf: (id: string) => string | null,
): T[] {
  return hubs.sort(
    (a, b) =>
      rolePriority(roleOf(a.nodeId)) - rolePriority(roleOf(b.nodeId)) ||
      (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0),
  )
}

/** For each hub service, the one node that provides it: the first hub in the stable order that hosts it. */
export function hubProviders(sortedHubs: readonly { nodeId: string; services: readonly HubService[] }[]) {
  const provider = new Map<HubService, string>()
  for (const hub of sortedHubs)
    for (const s of hub.services) if (!provider.has(s)) provider.set(s, hub.nodeId)
  return provider
}

/**
 * The hubs a node reaches the fleet through: every service provider other than itself, in hub order. A hub
 * that goes down leaves these spokes unreachable through it.
 */
export function hubsOf(nodeId: string, provider: ReadonlyMap<HubService, string>): string[] {
  const out: string[] = []
  for (const s of HUB_SERVICES) {
    const p = provider.get(s)
    if (p !== undefined && p !== nodeId && !out.includes(p)) out.push(p)
  }
  return out
}

/**
 * The hub-and-spoke map of a fleet read from the list alone (no profiles): node id → the hubs it reaches
 * through. Used by the incident model to group a hub's spokes under the hub's incident.
 */
export function spokeMap(
  rows: readonly {
    node_id: string
    node_role: string | null
    node_type: string | null
    metadata: { capabilities: { services: readonly string[] } }
  }[],
): Map<string, string[]> {
  const roles = new Map<string, string | null>()
  const hubs: HubCandidate[] = []
  for (const row of rows) {
    roles.set(row.node_id, row.node_role)
    const services = fleetServicesOf(row)
    const list = HUB_SERVICES.filter((s) => services.has(s))
    if (list.length > 0) hubs.push({ nodeId: row.node_id, role: row.node_role, services: list })
  }
  const provider = hubProviders(sortHubs(hubs, (id) => roles.get(id) ?? null))
  const out = new Map<string, string[]>()
  for (const row of rows) out.set(row.node_id, hubsOf(row.node_id, provider))
  return out
}
