import type { Liveness } from '@/entities/node/model/liveness.ts'
import type { NodeProfile, RegistryNode } from '@/entities/node/model/schemas.ts'
import {
  fleetServicesOf,
  HUB_SERVICES,
  hubProviders,
  rolePriority,
  servicesInText,
  sortHubs,
  type HubService,
} from '@/entities/node/model/hub-services.ts'

/** The id of the registry hub, the one node of the graph that is not a registry row. */
export const REGISTRY_HUB_ID = '@registry'

/** How one node reaches another, as node-connection-architecture.md lists them (GitHub sync is not a link). */
export type ConnectionMethod = 'heartbeat' | 'NATS' | 'HTTP' | 'SSH'

export type EdgeState = 'ok' | 'broken'

/** What the topology needs of a fleet row: the registry record and its derived liveness. */
export interface TopologyRowInput {
  node: Pick<RegistryNode, 'node_id' | 'node_role' | 'node_type' | 'metadata'>
  liveness: Liveness
}

export interface TopologyHub {
  nodeId: string
  services: HubService[]
  /** Where the services were read: a cached profile is the stronger evidence. */
  source: 'profile' | 'fleet'
}

export interface HeartbeatEdge {
  kind: 'heartbeat'
  from: string
  to: typeof REGISTRY_HUB_ID
  method: 'heartbeat'
  /** Broken as soon as the node is not online (stale, offline, or never heard from). */
  state: EdgeState
}

export interface ServiceEdge {
  kind: 'service'
  from: string
  to: string
  services: HubService[]
  /** Ordered NATS, HTTP, SSH; the label of the edge. */
  methods: ConnectionMethod[]
  /** Broken when either end is not online. */
  state: EdgeState
}

export type TopologyEdge = HeartbeatEdge | ServiceEdge

export interface Topology {
  hubs: TopologyHub[]
  edges: TopologyEdge[]
  /** The node whose profile or capabilities say it hosts the registry, when one does. */
  registryHost: string | null
}

// The list's evidence per node record: records are shared across polls while unchanged, so a 10,000-node
// fleet is tokenized once, not on every liveness change.
const fleetServicesCache = new WeakMap<object, ReadonlySet<HubService | 'registry'>>()

function cachedFleetServicesOf(node: TopologyRowInput['node']): ReadonlySet<HubService | 'registry'> {
  let found = fleetServicesCache.get(node)
  if (!found) {
    found = fleetServicesOf(node)
    fleetServicesCache.set(node, found)
  }
  return found
}

const METHOD_ORDER: readonly ConnectionMethod[] = ['NATS', 'HTTP', 'SSH']
const methodOf: Record<HubService, ConnectionMethod> = {
  nats: 'NATS',
  router: 'HTTP',
  gateway: 'HTTP',
  // Matrix clients speak the client-server API: HTTP.
  matrix: 'HTTP',
}

/**
 * Derives the graph the topology draws: which nodes are hubs, and every edge.
 *
 * **Heartbeat edges.** Every node has one edge to the registry hub (`REGISTRY_HUB_ID`), `ok` while the node
 * is online and `broken` once it is stale, offline or was never heard from.
 *
 * **Hubs, without a request per node.** A node is a hub when it hosts router, gateway, NATS or Matrix. The
 * evidence is read from what is already at hand, never fetched per node (a fleet of 10,000 must not cost
 * 10,000 `/profile` calls):
 * 1. `profilesById`: profiles that are already in the query cache, plus those of a bounded set of hub
 *    candidates the view fetches on purpose (`selectProfileCandidates`: production, router and gateway nodes,
 *    at most a handful). Their `roles` and `modules[].id` are the strongest evidence.
 * 2. For every other node, the fleet list itself: `metadata.capabilities.services` and `node_type`
 *    (`router` → router, `gateway` → gateway).
 * A profile, when present, replaces the list's guess for that node (it is what the node really runs).
 *
 * **Service edges.** For each hub service, one provider is chosen in a stable order (production first, then
 * backup, development, others; then by node id), independent of liveness so edges do not jump on a
 * heartbeat. Every node that does not itself provide a service gets one edge to that service's provider,
 * merged per provider and labelled by connection method: NATS for NATS, HTTP for router, gateway and Matrix,
 * plus SSH from development and backup nodes to a production provider (deployments and management go over
 * SSH, per the connection architecture). An edge is `broken` when either end is not online.
 *
 * Pure: the same rows and profiles give the same graph. O(n) in the number of rows.
 */
export function deriveTopology(
  rows: readonly TopologyRowInput[],
  profilesById: ReadonlyMap<string, NodeProfile>,
): Topology {
  const hubs: TopologyHub[] = []
  const liveness = new Map<string, Liveness>()
  const roleOf = new Map<string, string | null>()
  let registryHost: { id: string; role: string | null } | null = null

  for (const row of rows) {
    const id = row.node.node_id
    liveness.set(id, row.liveness)
    roleOf.set(id, row.node.node_role)
    const profile = profilesById.get(id)
    const found: ReadonlySet<HubService | 'registry'> = profile
      ? servicesInText([...profile.roles, ...profile.modules.map((m) => m.id)])
      : cachedFleetServicesOf(row.node)
    if (found.size === 0) continue
    if (
      found.has('registry') &&
      (!registryHost ||
        rolePriority(row.node.node_role) < rolePriority(registryHost.role) ||
        (rolePriority(row.node.node_role) === rolePriority(registryHost.role) && id < registryHost.id))
    ) {
      registryHost = { id, role: row.node.node_role }
    }
    const services = HUB_SERVICES.filter((s) => found.has(s))
    if (services.length > 0) hubs.push({ nodeId: id, services, source: profile ? 'profile' : 'fleet' })
  }

  sortHubs(hubs, (id) => roleOf.get(id) ?? null)
  const provider = hubProviders(hubs)

  const online = (id: string) => liveness.get(id) === 'online'
  const hubIds = new Set(hubs.map((h) => h.nodeId))
  const templates = new Map<string, LinkTemplate[]>()
  const edges: TopologyEdge[] = []
  for (const row of rows) {
    const id = row.node.node_id
    edges.push({
      kind: 'heartbeat',
      from: id,
      to: REGISTRY_HUB_ID,
      method: 'heartbeat',
      state: row.liveness === 'online' ? 'ok' : 'broken',
    })
    // A node's links depend only on which services it provides itself and whether it may SSH: the same
    // few templates serve the whole fleet (shared, read-only arrays).
    const ssh = row.node.node_role === 'development' || row.node.node_role === 'backup'
    // Hubs (few) get their own template: they never link to themselves.
    const key = `${ssh ? 1 : 0}:${hubIds.has(id) ? id : ''}`
    let links = templates.get(key)
    if (!links) {
      links = linkTemplate(provider, id, ssh, roleOf)
      templates.set(key, links)
    }
    for (const link of links) {
      edges.push({
        kind: 'service',
        from: id,
        to: link.to,
        services: link.services,
        methods: link.methods,
        state: row.liveness === 'online' && online(link.to) ? 'ok' : 'broken',
      })
    }
  }
  return { hubs, edges, registryHost: registryHost?.id ?? null }
}

interface LinkTemplate {
  to: string
  services: HubService[]
  methods: ConnectionMethod[]
}

/** The service links of node `id`, merged per provider. */
function linkTemplate(
  provider: ReadonlyMap<HubService, string>,
  id: string,
  ssh: boolean,
  roleOf: ReadonlyMap<string, string | null>,
): LinkTemplate[] {
  const byTarget = new Map<string, { services: HubService[]; methods: Set<ConnectionMethod> }>()
  for (const s of HUB_SERVICES) {
    const target = provider.get(s)
    if (target === undefined || target === id) continue
    let link = byTarget.get(target)
    if (!link) {
      link = { services: [], methods: new Set() }
      byTarget.set(target, link)
    }
    link.services.push(s)
    link.methods.add(methodOf[s])
  }
  return [...byTarget].map(([to, link]) => {
    if (ssh && roleOf.get(to) === 'production') link.methods.add('SSH')
    return { to, services: link.services, methods: METHOD_ORDER.filter((m) => link.methods.has(m)) }
  })
}

/**
 * The few nodes whose `/profile` the topology may fetch on purpose: likely hubs (production role, router or
 * gateway type, or hub services in their capabilities), production first, then by id, at most `limit`.
 * Everything else is read from the fleet list or from profiles other views already cached.
 */
export function selectProfileCandidates(rows: readonly TopologyRowInput[], limit = 4): string[] {
  const candidates: { id: string; p: number }[] = []
  for (const { node } of rows) {
    const hinted =
      node.node_role === 'production' ||
      node.node_type === 'router' ||
      node.node_type === 'gateway' ||
      [...servicesInText(node.metadata.capabilities.services)].some((s) => s !== 'registry')
    if (hinted) candidates.push({ id: node.node_id, p: rolePriority(node.node_role) })
  }
  candidates.sort((a, b) => a.p - b.p || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return candidates.slice(0, limit).map((c) => c.id)
}
