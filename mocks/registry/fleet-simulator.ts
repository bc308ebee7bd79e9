/**
 * The simulated node registry: one source for the demo, Vitest and Playwright. Seeded and driven by a clock
 * (`now`, which `page.clock` or fake timers control), it answers every route of the registry contract the
 * way the real service does, quirks included. History is computed on demand from (seed, node, time).
 */
import type { RawNode } from './factories.ts'
import type { FleetSimulator, FleetSimulatorOptions, RegistryFault } from './fleet-simulator-api.ts'
import { createBeatTimeline } from './beat-timeline.ts'
import { bucketRows } from './bucket-history.ts'
import { heartbeatRows } from './heartbeat-history.ts'
import { createNodeRecords } from './node-records.ts'
import { createNodeTable } from './node-table.ts'
import { registryHealth, registryMetrics } from './registry-health.ts'

// Importers of the simulator keep finding its types here.
export type {
  BucketQuery,
  FleetSimulator,
  FleetSimulatorOptions,
  HistoryQuery,
  ListQuery,
  ProfileAnswer,
  RegisterBody,
  RegistryFault,
} from './fleet-simulator-api.ts'

export function createFleetSimulator(options: FleetSimulatorOptions = {}): FleetSimulator {
  const seed = options.seed ?? 42
  const now = options.now ?? (() => Date.now())
  const t0 = now()
  const table = createNodeTable(seed, t0, options.nodes)
  const beats = createBeatTimeline()
  const records = createNodeRecords(table, beats)
  const listeners = new Set<() => void>()
  let fault: RegistryFault = 'none'
  let historyRoute = true

  const changed = () => {
    for (const l of listeners) l()
  }

  return {
    seed,
    startedAt: t0,
    now,
    size: () => table.size(),
    nodeIds() {
      const t = now()
      const ids: string[] = []
      for (let i = 0; i < table.size(); i++) {
        const id = records.at(i, t).node_id
        if (typeof id === 'string') ids.push(id)
      }
      return ids
    },
    listNodes(q) {
      const t = now()
      const ord = table.order(t)
      const out: RawNode[] = []
      if (!q.role && !q.status) {
        for (let i = q.offset; i < ord.length && out.length < q.limit; i++)
          out.push(records.at(ord[i] as number, t))
        return out
      }
      let skipped = 0
      for (const i of ord) {
        if (out.length >= q.limit) break
        const e = table.entryAt(i)
        // Filter on the cheap fields first; the status needs the node's last beat.
        if (q.role && (e.kind === 'spec' ? e.spec.role : e.raw.node_role) !== q.role) continue
        const view = records.at(i, t)
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
      const spec = table.findSpec(nodeId)
      if (spec) return records.ofSpec(spec, t)
      const raw = table.findRaw(nodeId)
      return raw ? records.ofRaw(raw, t) : null
    },
    getProfile(nodeId) {
      const spec = table.findSpec(nodeId)
      if (!spec) return table.findRaw(nodeId) ? { kind: 'error500' } : { kind: 'not-found' }
      if (spec.profile === 'error500') return { kind: 'error500' }
      return { kind: 'ok', profile: { ...spec.profile, status: beats.currentOf(spec, now()).status } }
    },
    health: () => registryHealth(table, records, now(), t0),
    metrics: () => registryMetrics(registryHealth(table, records, now(), t0)),
    register(body) {
      const t = now()
      return records.ofSpec(table.register(body, t), t)
    },
    heartbeat(body) {
      if (!table.findSpec(body.node_id) && !table.findRaw(body.node_id)) return false
      const metrics =
        typeof body.metrics === 'object' && body.metrics !== null
          ? (body.metrics as Record<string, unknown>)
          : {}
      beats.post(body.node_id, { ts: now(), status: body.status ?? 'online', metrics })
      return true
    },
    heartbeats(nodeId, q) {
      const spec = table.specForHistory(nodeId)
      return spec ? heartbeatRows(spec, q, beats, now()) : null
    },
    buckets(nodeId, q) {
      const spec = table.specForHistory(nodeId)
      return spec ? bucketRows(spec, q, beats, now()) : null
    },

    get fault() {
      return fault
    },
    setFault(next) {
      fault = next
      changed()
    },
    get historyRoute() {
      return historyRoute
    },
    setHistoryRoute(enabled) {
      historyRoute = enabled
      changed()
    },
    addNode(raw) {
      table.add(raw)
      changed()
    },
    silence(nodeId) {
      beats.silence(nodeId, now())
      changed()
    },
    resume(nodeId) {
      beats.resume(nodeId, now())
      changed()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
