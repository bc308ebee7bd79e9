/** The registry's records as the list, get and health routes send them, from the table and the beats. */
import type { RawNode } from './factories.ts'
import type { BeatTimeline } from './beat-timeline.ts'
import { metadataOf } from './demo-node-parts.ts'
import type { NodeTable } from './node-table.ts'
import { formatRegistryTime } from './registry-time.ts'
import type { SimNodeSpec } from './sim-node.ts'

export interface NodeRecords {
  ofSpec(spec: SimNodeSpec, t: number): RawNode
  /** A verbatim record, with its posted beats' status and time. */
  ofRaw(raw: RawNode, t: number): RawNode
  /** The record at table index `i`. */
  at(i: number, t: number): RawNode
  /** The status column alone (health counts it for every node: no need to build the whole record). */
  statusAt(i: number, t: number): unknown
}

export function createNodeRecords(table: NodeTable, beats: BeatTimeline): NodeRecords {
  // A simulated node's metadata never changes: built once, not on every list call.
  const metadataCache = new WeakMap<SimNodeSpec, ReturnType<typeof metadataOf>>()
  const staticMetadata = (spec: SimNodeSpec) => {
    let m = metadataCache.get(spec)
    if (!m) {
      m = metadataOf(spec)
      metadataCache.set(spec, m)
    }
    return m
  }

  const records: NodeRecords = {
    ofSpec(spec, t) {
      const cur = beats.currentOf(spec, t)
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
    },
    ofRaw(raw, t) {
      const id = raw.node_id
      const post = typeof id === 'string' ? beats.lastPosted(id, t) : null
      if (!post) return raw
      const ts = formatRegistryTime(post.ts, 'naive')
      return { ...raw, status: post.status, last_heartbeat: ts, updated_at: ts }
    },
    at(i, t) {
      const e = table.entryAt(i)
      return e.kind === 'spec' ? records.ofSpec(e.spec, t) : records.ofRaw(e.raw, t)
    },
    statusAt(i, t) {
      const e = table.entryAt(i)
      return e.kind === 'spec' ? beats.currentOf(e.spec, t).status : records.ofRaw(e.raw, t).status
    },
  }
  return records
}
