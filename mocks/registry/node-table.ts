/**
 * The simulated registry's table of nodes, in the order they joined: the seeded base set, generated workers
 * (built on first use, so 10,000 cost nothing until read), nodes registered through the API, and records
 * added verbatim by tests. The table has no order on the wire: `order` shuffles it per beat interval.
 */
import type { RawNode } from './factories.ts'
import type { RegisterBody } from './fleet-simulator-api.ts'
import { baseFleet } from './demo-fleet.ts'
import { generatedWorker } from './generated-workers.ts'
import { hex8, mix, mulberry32 } from './prng.ts'
import { BEAT_INTERVAL_MS, uuidFor, type SimNodeSpec } from './sim-node.ts'

export type TableEntry = { kind: 'spec'; spec: SimNodeSpec } | { kind: 'raw'; raw: RawNode }

export interface NodeTable {
  size(): number
  entryAt(i: number): TableEntry
  /** A simulated node (base, generated or registered) by id. */
  findSpec(nodeId: string): SimNodeSpec | null
  /** A node added verbatim, by id (the newest of that id). */
  findRaw(nodeId: string): RawNode | null
  /** A spec to compute history from: a simulated node, or a verbatim one (which has only posted beats). */
  specForHistory(nodeId: string): SimNodeSpec | null
  /** Table indices in the order the list route serves them at `t`. */
  order(t: number): Uint32Array
  register(body: RegisterBody, t: number): SimNodeSpec
  add(raw: RawNode): void
}

/** A node with no simulated beats: registered through the API, or added verbatim. */
function quietSpec(fields: Pick<SimNodeSpec, 'key' | 'nodeId' | 'name' | 'role' | 'type'>): SimNodeSpec {
  return {
    ...fields,
    uuid: uuidFor(fields.key),
    hostname: null,
    ipAddress: null,
    localIp: null,
    timeStyle: 'naive',
    registeredAt: Infinity,
    silentFrom: null,
    outageAt: () => null,
    statusAt: () => 'online',
    metrics: null,
    capabilities: null,
    profile: 'error500',
  }
}

export function createNodeTable(seed: number, t0: number, nodes: number | undefined): NodeTable {
  const base = baseFleet(seed, t0)
  const generatedCount = Math.max(0, (nodes ?? base.length) - base.length)
  const generated: (SimNodeSpec | undefined)[] = []
  const registered: SimNodeSpec[] = []
  const added: RawNode[] = []
  const byId = new Map<string, SimNodeSpec>(base.map((s) => [s.nodeId, s]))
  const rng = mulberry32(mix(seed, 0xa11ce))
  let permutation: { epoch: number; size: number; order: Uint32Array } | null = null

  function generatedAt(index: number): SimNodeSpec {
    let spec = generated[index]
    if (!spec) {
      spec = generatedWorker(seed, t0, index)
      generated[index] = spec
    }
    return spec
  }

  const size = () => base.length + generatedCount + registered.length + added.length

  const table: NodeTable = {
    size,
    entryAt(i) {
      if (i < base.length) return { kind: 'spec', spec: base[i] as SimNodeSpec }
      let j = i - base.length
      if (j < generatedCount) return { kind: 'spec', spec: generatedAt(j) }
      j -= generatedCount
      if (j < registered.length) return { kind: 'spec', spec: registered[j] as SimNodeSpec }
      j -= registered.length
      return { kind: 'raw', raw: added[j] as RawNode }
    },
    findSpec(nodeId) {
      const known = byId.get(nodeId)
      if (known) return known
      // Generated workers are numbered from 11 (see generatedWorker): node-11-worker-… is index 0.
      const m = /^node-(\d+)-worker-/.exec(nodeId)
      if (m) {
        const index = Number(m[1]) - 11
        if (index >= 0 && index < generatedCount) {
          const spec = generatedAt(index)
          if (spec.nodeId === nodeId) return spec
        }
      }
      return null
    },
    findRaw(nodeId) {
      for (let i = added.length - 1; i >= 0; i--) {
        const raw = added[i]
        if (raw && raw.node_id === nodeId) return raw
      }
      return null
    },
    specForHistory(nodeId) {
      const spec = table.findSpec(nodeId)
      if (spec) return spec
      const raw = table.findRaw(nodeId)
      if (!raw) return null
      return quietSpec({
        key: mix(seed, added.indexOf(raw) + 1),
        nodeId,
        name: nodeId,
        role: 'worker',
        type: 'worker',
      })
    },
    order(t) {
      // Rows move on every update in the real table; a deterministic shuffle per beat interval stands in.
      const epoch = Math.floor(t / BEAT_INTERVAL_MS)
      const n = size()
      if (permutation?.epoch === epoch && permutation.size === n) return permutation.order
      const out = new Uint32Array(n)
      for (let i = 0; i < n; i++) out[i] = i
      const r = mulberry32(mix(seed, epoch))
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1))
        const tmp = out[i] as number
        out[i] = out[j] as number
        out[j] = tmp
      }
      permutation = { epoch, size: n, order: out }
      return out
    },
    register(body, t) {
      const hostname = body.hostname ?? 'unknown'
      const nodeId = `node-${hostname}-${hex8(Math.floor(rng() * 4294967296))}`
      const name = body.node_name ?? nodeId
      const spec: SimNodeSpec = {
        ...quietSpec({
          key: mix(seed, registered.length + 1, 0x5e6),
          nodeId,
          name,
          role: body.node_role,
          type: body.node_type,
        }),
        hostname: body.hostname ?? null,
        ipAddress: body.ip_address ?? null,
        localIp: body.local_ip ?? null,
        registeredAt: t,
        // Only the heartbeats posted for it: the simulator does not beat for a registered node.
        silentFrom: t,
        capabilities: body.capabilities ?? {},
        profile: {
          node_id: nodeId,
          name,
          role: body.node_role,
          type: body.node_type,
          ip_address: body.ip_address ?? null,
          hostname: body.hostname ?? null,
          roles: [],
          gpu: null,
          modules: [],
          version: null,
          vpn_ip: null,
        },
      }
      registered.push(spec)
      byId.set(nodeId, spec)
      return spec
    },
    add(raw) {
      added.push(raw)
    },
  }
  return table
}
