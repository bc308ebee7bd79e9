import type { QueryClient } from '@tanstack/react-query'
import type { ObservedHistoryStore } from '../model/observed-history-store.ts'
import type { NodeEntry, RegistryNode } from '../model/schemas.ts'
import type { HeartbeatEvent, NodeEvent } from '../model/stream-events.ts'
import type { FleetSnapshot } from './get-fleet.ts'
import type { HeartbeatHistory } from './get-heartbeats.ts'
import type { NodeLookup } from './get-node.ts'
import { entryKey } from './node-entry.ts'
import { nodeKeys } from './query-keys.ts'
import type { Registry } from './registry-http.ts'

/** Index of `key` in entries sorted by key (as `getFleet` sorts them), or where it would go, negated minus one. */
function findEntry(entries: readonly NodeEntry[], key: string): number {
  let lo = 0
  let hi = entries.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const k = entryKey(entries[mid] as NodeEntry)
    if (k === key) return mid
    if (k < key) lo = mid + 1
    else hi = mid - 1
  }
  return -lo - 1
}

/** The snapshot with one entry replaced or inserted; every other entry keeps its object, so rows update in place. */
function withEntry(snapshot: FleetSnapshot, entry: NodeEntry): FleetSnapshot {
  const i = findEntry(snapshot.entries, entryKey(entry))
  const entries = [...snapshot.entries]
  if (i >= 0) entries[i] = entry
  else entries.splice(-i - 1, 0, entry)
  // `seen` is what a poll returned, for the observed history: a pushed entry is recorded by the caller.
  return { ...snapshot, entries, seen: [] }
}

function okNode(entry: NodeEntry | undefined): RegistryNode | null {
  return entry?.kind === 'ok' ? entry.node : null
}

function beatApplied(node: RegistryNode, beat: HeartbeatEvent): RegistryNode | null {
  if (node.last_heartbeat !== null && beat.timestamp <= node.last_heartbeat) return null
  return { ...node, last_heartbeat: beat.timestamp, status: beat.status ?? node.status }
}

/**
 * A pushed beat: the node's `last_heartbeat` and reported status in the fleet and on its page, the page's
 * observed beats, and every raw-history window of that node. A beat for a node the page does not know yet
 * waits for its `node` event or the next poll; an older beat than the one shown changes nothing.
 */
export function applyHeartbeatEvent(
  target: { client: QueryClient; registry: Pick<Registry, 'baseUrl'>; observed: ObservedHistoryStore },
  beat: HeartbeatEvent,
  at = Date.now(),
): void {
  const { client, registry, observed } = target
  const fleet = client.getQueryData<FleetSnapshot>(nodeKeys.fleet(registry))
  if (fleet) {
    const i = findEntry(fleet.entries, beat.node_id)
    const entry = i >= 0 ? fleet.entries[i] : undefined
    const node = okNode(entry)
    const next = node && beatApplied(node, beat)
    if (entry?.kind === 'ok' && next) {
      const updated: NodeEntry = { ...entry, node: next }
      // Keep the query's timestamps: they say when the registry was last read, which a beat does not change.
      client.setQueryData(nodeKeys.fleet(registry), withEntry(fleet, updated), { updatedAt: fleet.fetchedAt })
      observed.record([updated], at)
    }
  }
  client.setQueryData<NodeLookup>(nodeKeys.detail(registry, beat.node_id), (old) => {
    const node = old?.kind === 'ok' ? beatApplied(old.node, beat) : null
    return old?.kind === 'ok' && node ? { ...old, node } : old
  })
  const row = { timestamp: beat.timestamp, status: beat.status, metrics: beat.metrics }
  client.setQueriesData<HeartbeatHistory | null>(
    { queryKey: nodeKeys.heartbeatsOf(registry, beat.node_id) },
    (old) => {
      if (!old || old.beats.some((b) => b.timestamp === beat.timestamp)) return old
      const beats = [...old.beats, row].sort((a, b) => a.timestamp - b.timestamp)
      return { ...old, beats }
    },
  )
}

/**
 * A pushed registration or change of a node: upserted into the fleet and its page. The stream carries no
 * metadata, so a known node keeps the metadata the registry last sent.
 */
export function applyNodeEvent(
  target: { client: QueryClient; registry: Pick<Registry, 'baseUrl'> },
  event: NodeEvent,
): void {
  const { client, registry } = target
  const merge = (old: RegistryNode | null): RegistryNode => ({
    ...event,
    metadata: old?.metadata ?? NO_METADATA,
    // A beat pushed before this event may be newer than the row the server read.
    last_heartbeat: newest(event.last_heartbeat, old?.last_heartbeat ?? null),
  })
  const fleet = client.getQueryData<FleetSnapshot>(nodeKeys.fleet(registry))
  if (fleet) {
    const i = findEntry(fleet.entries, event.node_id)
    const old = i >= 0 ? fleet.entries[i] : undefined
    const entry: NodeEntry = {
      kind: 'ok',
      node: merge(okNode(old)),
      issues: old?.kind === 'ok' ? old.issues : [],
    }
    client.setQueryData(nodeKeys.fleet(registry), withEntry(fleet, entry), { updatedAt: fleet.fetchedAt })
  }
  client.setQueryData<NodeLookup>(nodeKeys.detail(registry, event.node_id), (old) =>
    old?.kind === 'ok' ? { ...old, node: merge(old.node) } : old,
  )
}

const NO_METADATA: RegistryNode['metadata'] = {
  capabilities: { system: null, services: [], features: [], gpu: null, ollama: null },
  first_registration: null,
  last_registration: null,
}

function newest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b)
}
