import '@/lib/csp/zod-without-eval.ts'
import { z } from 'zod'
import { NodeMetadataSchema, parseRegistryTime, type NodeEntry } from '../model/schemas.ts'
import { NodeCoreSchema, parseNodeEntry, type NodeMetadata, type NodeReaders } from './node-entry.ts'

/** Past this many texts or nodes a table is started afresh, whatever the passes do. */
const TABLE_MAX = 50_000

/** Reads the node list pass after pass, remembering what the passes before already read. */
export interface FleetParser {
  /** A new pass over the list begins: the texts only the pass before last read are forgotten. */
  passStarted: () => void
  /** One raw node as an entry (`parseNodeEntry`); metadata that did not change is the very same object. */
  entry: (raw: unknown) => NodeEntry
}

/**
 * The node list's parser, one per fleet query. A poll of 10,000 nodes reads 30,000 timestamps, most of them
 * the same text as in the poll before (registration times never change; most nodes did not beat in between),
 * and metadata that changes on registration only: a lookup is much cheaper than the regular expressions,
 * `Date.parse` and the metadata schema. Timestamps are kept for two passes (this one and the one before), so
 * the table never outgrows the fleet; metadata by node id, with the JSON it was parsed from.
 */
export function createFleetParser(): FleetParser {
  let timesNow = new Map<string, number | null>()
  let timesBefore = new Map<string, number | null>()
  const metadataById = new Map<string, { json: string; value: NodeMetadata }>()

  const passStarted = () => {
    timesBefore = timesNow
    timesNow = new Map()
  }

  const time = (value: unknown): number | null => {
    if (typeof value !== 'string') return null
    let ms = timesNow.get(value)
    if (ms !== undefined) return ms
    ms = timesBefore.get(value)
    if (ms === undefined) ms = parseRegistryTime(value)
    if (timesNow.size >= TABLE_MAX) passStarted()
    timesNow.set(value, ms)
    return ms
  }

  const metadata = (nodeId: string, raw: unknown): NodeMetadata => {
    let json: string
    try {
      // From JSON, so never a function or a symbol; only a missing field stringifies to nothing.
      json = raw === undefined ? 'undefined' : JSON.stringify(raw)
    } catch {
      // Not JSON, so not from the network: parse it, without remembering.
      return NodeMetadataSchema.parse(raw)
    }
    const known = metadataById.get(nodeId)
    if (known?.json === json) return known.value
    const value = NodeMetadataSchema.parse(raw)
    if (metadataById.size >= TABLE_MAX) metadataById.clear()
    metadataById.set(nodeId, { json, value })
    return value
  }

  const cachedTime = z.unknown().optional().transform(time)
  const readers: NodeReaders = {
    core: NodeCoreSchema.extend({
      last_heartbeat: cachedTime,
      registered_at: cachedTime,
      updated_at: cachedTime,
    }),
    metadata,
  }
  return { passStarted, entry: (raw) => parseNodeEntry(raw, readers) }
}
