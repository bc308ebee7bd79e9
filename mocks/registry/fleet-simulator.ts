/**
 * The simulated node registry: one source for the demo, Vitest and Playwright. Seeded and driven by a clock
 * (`now`, which `page.clock` or fake timers control), it answers every route of the registry contract the
 * way the real service does, quirks included. History is computed on demand from (seed, node, time).
 */
import type { RawBucket, RawHeartbeatRow, RawNode, RawProfile } from './factories.ts'
import { baseFleet, generatedWorker, metadataOf } from './demo-fleet.ts'
import { hex8, mix, mulberry32 } from './prng.ts'
import { formatRegistryTime } from './registry-time.ts'
import {
  BEAT_INTERVAL_MS,
  DAY,
  beatTimeOf,
  metricsAt,
  slotOf,
  uuidFor,
  type Interval,
  type SimNodeSpec,
} from './sim-node.ts'

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

interface PostedBeat {
  ts: number
  status: string
  metrics: Record<string, unknown>
}

type SimEntry = { kind: 'spec'; spec: SimNodeSpec } | { kind: 'raw'; raw: RawNode }

/** Oldest history the simulator will compute, whatever `since` says. */
const HISTORY_HORIZON_MS = 90 * DAY
const POSTED_CAP = 2_000

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

export function createFleetSimulator(options: FleetSimulatorOptions = {}): FleetSimulator {
  const seed = options.seed ?? 42
  const now = options.now ?? (() => Date.now())
  const t0 = now()
  const base = baseFleet(seed, t0)
  const generatedCount = Math.max(0, (options.nodes ?? base.length) - base.length)
  const generated: (SimNodeSpec | undefined)[] = []
  const registered: SimNodeSpec[] = []
  const added: RawNode[] = []
  const posted = new Map<string, PostedBeat[]>()
  const silences = new Map<string, Interval[]>()
  const byId = new Map<string, SimNodeSpec>(base.map((s) => [s.nodeId, s]))
  const listeners = new Set<() => void>()
  const rng = mulberry32(mix(seed, 0xa11ce))
  let fault: RegistryFault = 'none'
  let historyRoute = true
  let permutation: { epoch: number; size: number; order: Uint32Array } | null = null

  // The metadata never changes for a simulated node: build it once, not on every list call.
  const metadataCache = new WeakMap<SimNodeSpec, ReturnType<typeof metadataOf>>()
  const staticMetadata = (spec: SimNodeSpec) => {
    let m = metadataCache.get(spec)
    if (!m) {
      m = metadataOf(spec)
      metadataCache.set(spec, m)
    }
    return m
  }

  const notify = () => {
    for (const l of listeners) l()
  }

  function generatedAt(index: number): SimNodeSpec {
    let spec = generated[index]
    if (!spec) {
      spec = generatedWorker(seed, t0, index)
      generated[index] = spec
    }
    return spec
  }

  const size = () => base.length + generatedCount + registered.length + added.length

  function entryAt(i: number): SimEntry {
    if (i < base.length) return { kind: 'spec', spec: base[i] as SimNodeSpec }
    let j = i - base.length
    if (j < generatedCount) return { kind: 'spec', spec: generatedAt(j) }
    j -= generatedCount
    if (j < registered.length) return { kind: 'spec', spec: registered[j] as SimNodeSpec }
    j -= registered.length
    return { kind: 'raw', raw: added[j] as RawNode }
  }

  function findSpec(nodeId: string): SimNodeSpec | null {
    const known = byId.get(nodeId)
    if (known) return known
    const m = /^node-(\d+)-worker-/.exec(nodeId)
    if (m) {
      const index = Number(m[1]) - 11
      if (index >= 0 && index < generatedCount) {
        const spec = generatedAt(index)
        if (spec.nodeId === nodeId) return spec
      }
    }
    return null
  }

  function findRaw(nodeId: string): RawNode | null {
    for (let i = added.length - 1; i >= 0; i--) {
      const raw = added[i]
      if (raw && raw.node_id === nodeId) return raw
    }
    return null
  }

  /** The interval containing `t` in which the node sent nothing, or null when it was beating. */
  function downAt(spec: SimNodeSpec, t: number): Interval | null {
    if (t < spec.registeredAt) return { from: -Infinity, to: spec.registeredAt }
    if (spec.silentFrom !== null && t >= spec.silentFrom) return { from: spec.silentFrom, to: Infinity }
    for (const iv of silences.get(spec.nodeId) ?? []) if (t >= iv.from && t < iv.to) return iv
    return spec.outageAt(t)
  }

  /** The last simulated beat at or before `t` (null: none yet, or silent since registration). */
  function lastSimBeat(spec: SimNodeSpec, t: number): number | null {
    let k = slotOf(spec, t)
    if (beatTimeOf(spec, k) > t) k -= 1
    for (let guard = 0; guard < 500; guard++) {
      const bt = beatTimeOf(spec, k)
      const down = downAt(spec, bt)
      if (!down) return bt
      if (!Number.isFinite(down.from)) return null
      k = Math.min(k - 1, slotOf(spec, down.from - 1))
    }
    return null
  }

  function lastPosted(nodeId: string, t: number): PostedBeat | null {
    const list = posted.get(nodeId)
    if (!list) return null
    for (let i = list.length - 1; i >= 0; i--) {
      const b = list[i]
      if (b && b.ts <= t) return b
    }
    return null
  }

  function currentOf(spec: SimNodeSpec, t: number): { ts: number | null; status: string } {
    const sim = lastSimBeat(spec, t)
    const post = lastPosted(spec.nodeId, t)
    if (post && (sim === null || post.ts >= sim)) return { ts: post.ts, status: post.status }
    return { ts: sim, status: sim === null ? 'online' : spec.statusAt(sim) }
  }

  function rawOf(spec: SimNodeSpec, t: number): RawNode {
    const cur = currentOf(spec, t)
    const fmt = (ms: number) => formatRegistryTime(ms, spec.timeStyle)
    return {
      id: spec.uuid,
      node_id: spec.nodeId,
      node_name: spec.name,
      node_role: spec.role,
      node_type: spec.type,
      ip_address: spec.ipAddress,
      local_ip: spec.localIp,
      hostname: spec.hostname,
      status: cur.status,
      last_heartbeat: cur.ts === null ? null : fmt(cur.ts),
      registered_at: fmt(spec.registeredAt),
      updated_at: fmt(Math.max(cur.ts ?? 0, spec.registeredAt)),
      metadata: staticMetadata(spec),
      ...spec.rawOverrides,
    }
  }

  function rawOfRaw(raw: RawNode, t: number): RawNode {
    const id = raw.node_id
    const post = typeof id === 'string' ? lastPosted(id, t) : null
    if (!post) return raw
    const ts = formatRegistryTime(post.ts, 'naive')
    return { ...raw, status: post.status, last_heartbeat: ts, updated_at: ts }
  }

  /** The status column alone (health counts it for every node: no need to build the whole record). */
  function statusOf(i: number, t: number): unknown {
    const e = entryAt(i)
    return e.kind === 'spec' ? currentOf(e.spec, t).status : rawOfRaw(e.raw, t).status
  }

  function viewAt(i: number, t: number): RawNode {
    const e = entryAt(i)
    return e.kind === 'spec' ? rawOf(e.spec, t) : rawOfRaw(e.raw, t)
  }

  /** The table has no order: a deterministic shuffle that changes every beat interval, as rows move on update. */
  function order(t: number): Uint32Array {
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
  }

  function postedRows(spec: SimNodeSpec, since: number, until: number): RawHeartbeatRow[] {
    return (posted.get(spec.nodeId) ?? [])
      .filter((b) => b.ts >= since && b.ts <= until)
      .map((b) => ({ timestamp: formatRegistryTime(b.ts, 'naive'), status: b.status, metrics: b.metrics }))
  }

  function rowAt(spec: SimNodeSpec, bt: number): RawHeartbeatRow {
    return {
      timestamp: formatRegistryTime(bt, spec.timeStyle),
      status: spec.statusAt(bt),
      metrics: metricsAt(spec, bt) ?? {},
    }
  }

  function specForHistory(nodeId: string): SimNodeSpec | null {
    const spec = findSpec(nodeId)
    if (spec) return spec
    const raw = findRaw(nodeId)
    if (!raw) return null
    // A node added verbatim has only the beats posted for it.
    const key = mix(seed, added.indexOf(raw) + 1)
    return {
      key,
      uuid: uuidFor(key),
      nodeId,
      name: nodeId,
      role: 'worker',
      type: 'worker',
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

  const sim: FleetSimulator = {
    seed,
    startedAt: t0,
    now,
    size,
    nodeIds() {
      const t = now()
      const ids: string[] = []
      for (let i = 0; i < size(); i++) {
        const id = viewAt(i, t).node_id
        if (typeof id === 'string') ids.push(id)
      }
      return ids
    },

    listNodes(q) {
      const t = now()
      const ord = order(t)
      const out: RawNode[] = []
      if (!q.role && !q.status) {
        for (let i = q.offset; i < ord.length && out.length < q.limit; i++)
          out.push(viewAt(ord[i] as number, t))
        return out
      }
      let skipped = 0
      for (const i of ord) {
        if (out.length >= q.limit) break
        const e = entryAt(i)
        // Filter on the cheap fields first; the status needs the node's last beat.
        if (q.role && (e.kind === 'spec' ? e.spec.role : e.raw.node_role) !== q.role) continue
        const view = viewAt(i, t)
        if (q.status && view.status !== q.status) continue
        if (skipped < q.offset) {
          skipped += 1
          continue
        }
        out.push(view)
      }
      return out
    },

    getNode(nodeId) {
      const t = now()
      const spec = findSpec(nodeId)
      if (spec) return rawOf(spec, t)
      const raw = findRaw(nodeId)
      return raw ? rawOfRaw(raw, t) : null
    },

    getProfile(nodeId) {
      const spec = findSpec(nodeId)
      if (!spec) return findRaw(nodeId) ? { kind: 'error500' } : { kind: 'not-found' }
      if (spec.profile === 'error500') return { kind: 'error500' }
      return { kind: 'ok', profile: { ...spec.profile, status: currentOf(spec, now()).status } }
    },

    health() {
      const t = now()
      // Wrong the way the service is: it counts the status column, so a silent node is "online" forever.
      const n = size()
      let online = 0
      for (let i = 0; i < n; i++) if (statusOf(i, t) === 'online') online += 1
      return {
        status: 'healthy',
        service: 'node-registry',
        version: '1.0.0',
        environment: 'demo',
        uptime_seconds: Math.round((t - t0) / 1000) + 3 * 86_400,
        timestamp: formatRegistryTime(t, 'naive'),
        database: { type: 'postgresql', url: 'postgresql://registry@db:5432/node_registry', connected: true },
        network_stats: {
          total_nodes: n,
          online_nodes: online,
          offline_nodes: n - online,
          uptime_percentage: n === 0 ? 0 : Math.round((online / n) * 10_000) / 100,
        },
      }
    },

    metrics() {
      const h = sim.health() as {
        uptime_seconds: number
        timestamp: string
        network_stats: Record<string, number>
      }
      return {
        service: 'node-registry',
        uptime_seconds: h.uptime_seconds,
        ...h.network_stats,
        timestamp: h.timestamp,
      }
    },

    register(body) {
      const t = now()
      const hostname = body.hostname ?? 'unknown'
      const nodeId = `node-${hostname}-${hex8(Math.floor(rng() * 4294967296))}`
      const key = mix(seed, registered.length + 1, 0x5e6)
      const spec: SimNodeSpec = {
        key,
        uuid: uuidFor(key),
        nodeId,
        name: body.node_name ?? nodeId,
        role: body.node_role,
        type: body.node_type,
        hostname: body.hostname ?? null,
        ipAddress: body.ip_address ?? null,
        localIp: body.local_ip ?? null,
        timeStyle: 'naive',
        registeredAt: t,
        // Only the heartbeats posted for it: the simulator does not beat for a registered node.
        silentFrom: t,
        outageAt: () => null,
        statusAt: () => 'online',
        metrics: null,
        capabilities: body.capabilities ?? {},
        profile: {
          node_id: nodeId,
          name: body.node_name ?? nodeId,
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
      return rawOf(spec, t)
    },

    heartbeat(body) {
      const known = findSpec(body.node_id) ?? findRaw(body.node_id)
      if (!known) return false
      const list = posted.get(body.node_id) ?? []
      const metrics =
        typeof body.metrics === 'object' && body.metrics !== null
          ? (body.metrics as Record<string, unknown>)
          : {}
      list.push({ ts: now(), status: body.status ?? 'online', metrics })
      if (list.length > POSTED_CAP) list.splice(0, list.length - POSTED_CAP)
      posted.set(body.node_id, list)
      return true
    },

    heartbeats(nodeId, q) {
      const spec = specForHistory(nodeId)
      if (!spec) return null
      const until = Math.min(q.until, now())
      const since = Math.max(q.since, until - HISTORY_HORIZON_MS)
      const rows: { ts: number; row: RawHeartbeatRow }[] = []
      let k = slotOf(spec, until)
      if (beatTimeOf(spec, k) > until) k -= 1
      while (rows.length < q.limit) {
        const bt = beatTimeOf(spec, k)
        if (bt < since) break
        const down = downAt(spec, bt)
        if (down) {
          if (!Number.isFinite(down.from)) break
          k = Math.min(k - 1, slotOf(spec, down.from - 1))
          continue
        }
        rows.push({ ts: bt, row: rowAt(spec, bt) })
        k -= 1
      }
      const extra = postedRows(spec, since, until)
      if (extra.length === 0) return rows.map((r) => r.row)
      const all = [...rows, ...extra.map((row) => ({ ts: Date.parse(`${row.timestamp}Z`), row }))].sort(
        (a, b) => b.ts - a.ts,
      )
      return all.slice(0, q.limit).map((r) => r.row)
    },

    buckets(nodeId, q) {
      const spec = specForHistory(nodeId)
      if (!spec) return null
      const until = Math.min(q.until, now())
      const since = Math.max(q.since, until - HISTORY_HORIZON_MS)
      const size = q.bucketSeconds * 1000
      const out: RawBucket[] = []
      let cur: {
        start: number
        beats: number
        statuses: Record<string, number>
        cpu: number
        mem: number
        disk: number
        m: number
      } | null = null
      const flush = () => {
        if (!cur) return
        const avg = (v: number) => (cur && cur.m > 0 ? Math.round((v / cur.m) * 10) / 10 : null)
        out.push({
          start: formatRegistryTime(cur.start, spec.timeStyle),
          beats: cur.beats,
          statuses: cur.statuses,
          cpu_percent_avg: avg(cur.cpu),
          memory_percent_avg: avg(cur.mem),
          disk_percent_avg: avg(cur.disk),
        })
        cur = null
      }
      const add = (
        ts: number,
        status: string,
        m: { cpu_percent?: unknown; memory_percent?: unknown; disk_percent?: unknown } | null,
      ) => {
        const start = Math.floor(ts / size) * size
        if (cur?.start !== start) {
          flush()
          cur = { start, beats: 0, statuses: {}, cpu: 0, mem: 0, disk: 0, m: 0 }
        }
        cur.beats += 1
        cur.statuses[status] = (cur.statuses[status] ?? 0) + 1
        if (
          m &&
          typeof m.cpu_percent === 'number' &&
          typeof m.memory_percent === 'number' &&
          typeof m.disk_percent === 'number'
        ) {
          cur.cpu += m.cpu_percent
          cur.mem += m.memory_percent
          cur.disk += m.disk_percent
          cur.m += 1
        }
      }
      const extra = (posted.get(spec.nodeId) ?? []).filter((b) => b.ts >= since && b.ts <= until)
      const stride = Math.max(1, Math.floor(size / BEAT_INTERVAL_MS / 12))
      let e = 0
      let k = slotOf(spec, since)
      if (beatTimeOf(spec, k) < since) k += 1
      for (;;) {
        const bt = beatTimeOf(spec, k)
        if (bt > until) break
        const down = downAt(spec, bt)
        if (down) {
          if (down.to === Infinity) break
          k = Math.max(k + 1, slotOf(spec, down.to))
          continue
        }
        while (e < extra.length && (extra[e] as PostedBeat).ts < bt) {
          const p = extra[e] as PostedBeat
          add(p.ts, p.status, p.metrics)
          e += 1
        }
        // Metrics are averaged over at most ~12 beats per bucket: a month of buckets stays cheap to compute.
        add(bt, spec.statusAt(bt), k % stride === 0 ? metricsAt(spec, bt) : null)
        k += 1
      }
      for (; e < extra.length; e++) {
        const p = extra[e] as PostedBeat
        add(p.ts, p.status, p.metrics)
      }
      flush()
      return out
    },

    get fault() {
      return fault
    },
    setFault(next) {
      fault = next
      notify()
    },
    get historyRoute() {
      return historyRoute
    },
    setHistoryRoute(enabled) {
      historyRoute = enabled
      notify()
    },
    addNode(raw) {
      added.push(raw)
      notify()
    },
    silence(nodeId) {
      const list = silences.get(nodeId) ?? []
      if (!list.some((iv) => iv.to === Infinity)) list.push({ from: now(), to: Infinity })
      silences.set(nodeId, list)
      notify()
    },
    resume(nodeId) {
      const t = now()
      for (const iv of silences.get(nodeId) ?? []) if (iv.to === Infinity) iv.to = t
      notify()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return sim
}
