/** What the simulated registry answers and the controls tests and e2e drive it with. */
import type { RawBucket, RawHeartbeatRow, RawNode, RawProfile } from './factories.ts'

/** What the simulated registry does wrong on purpose: down (network error), 500, hanging, or broken JSON. */
export type RegistryFault = 'none' | 'down' | 'http500' | 'timeout' | 'malformed'

export interface FleetSimulatorOptions {
  seed?: number
  /** Fleet size; more than the base set adds generated workers up to this count. */
  nodes?: number
  now?: () => number
}

export interface ListQuery {
  role?: string | undefined
  status?: string | undefined
  limit: number
  offset: number
}

export interface HistoryQuery {
  since: number
  until: number
  limit: number
}

export interface BucketQuery {
  since: number
  until: number
  bucketSeconds: number
}

export interface RegisterBody {
  node_name?: string | undefined
  node_role: string
  node_type: string
  hostname?: string | undefined
  ip_address?: string | undefined
  local_ip?: string | undefined
  capabilities?: Record<string, unknown> | undefined
}

export type ProfileAnswer = { kind: 'ok'; profile: RawProfile } | { kind: 'error500' } | { kind: 'not-found' }

export interface FleetSimulator {
  readonly seed: number
  /** `now()` when the simulator was created: every scripted event counts from it. */
  readonly startedAt: number
  now(): number
  /** Number of nodes in the table (base, generated, registered, added). */
  size(): number
  nodeIds(): string[]
  listNodes(q: ListQuery): RawNode[]
  getNode(nodeId: string): RawNode | null
  getProfile(nodeId: string): ProfileAnswer
  health(): Record<string, unknown>
  metrics(): Record<string, unknown>
  register(body: RegisterBody): RawNode
  /** Records a heartbeat; false for an unknown node (the route answers 404). */
  heartbeat(body: { node_id: string; status?: string | undefined; metrics?: unknown }): boolean
  /** Newest first; null for an unknown node. */
  heartbeats(nodeId: string, q: HistoryQuery): RawHeartbeatRow[] | null
  /** Oldest first, empty buckets absent; null for an unknown node. */
  buckets(nodeId: string, q: BucketQuery): RawBucket[] | null

  // Controls, for e2e (`window.__nodeConsoleDemo.sim`) and tests.
  readonly fault: RegistryFault
  setFault(fault: RegistryFault): void
  readonly historyRoute: boolean
  /** false: the history route answers 404, as the service does today. */
  setHistoryRoute(enabled: boolean): void
  /** Adds a node served verbatim (markup in names, garbage fields...). */
  addNode(raw: RawNode): void
  /** The node stops sending heartbeats from now on, until `resume`. */
  silence(nodeId: string): void
  resume(nodeId: string): void
  /** Called on every control change (the handlers release hanging requests when a timeout fault ends). */
  subscribe(listener: () => void): () => void
}
