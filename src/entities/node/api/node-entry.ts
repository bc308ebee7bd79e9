import { NodeMetadataSchema, NodeSchema, type NodeEntry, type RegistryNode } from '../model/schemas.ts'

/** The node without its metadata: the metadata (most of the work) is parsed apart, so it can be remembered. */
export const NodeCoreSchema = NodeSchema.omit({ metadata: true })
export type NodeMetadata = RegistryNode['metadata']

/** How a node's parts are read: the fleet's parser passes cached readers (`fleet-parser.ts`). */
export interface NodeReaders {
  core: Pick<typeof NodeCoreSchema, 'safeParse'>
  metadata: (nodeId: string, raw: unknown) => NodeMetadata
}

// The schema catches everything (and reads `undefined` as empty metadata): this cannot throw.
const plainReaders: NodeReaders = {
  core: NodeCoreSchema,
  metadata: (_id, raw) => NodeMetadataSchema.parse(raw),
}

/**
 * Turns one raw node of the registry into an entry: a usable node (with the fields that had to be dropped
 * listed as `issues`), or an unreadable record that keeps its raw value for display as text. Never throws.
 */
export function parseNodeEntry(raw: unknown, readers: NodeReaders = plainReaders): NodeEntry {
  const r = readers.core.safeParse(raw)
  if (r.success) {
    const metadata = readers.metadata(r.data.node_id, (raw as { metadata?: unknown }).metadata)
    const node: RegistryNode = { ...r.data, metadata }
    return { kind: 'ok', node, issues: issuesOf(raw, node) }
  }
  return {
    kind: 'invalid',
    key: invalidKey(raw),
    raw,
    error: r.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; '),
  }
}

const TIME_FIELDS = ['last_heartbeat', 'registered_at', 'updated_at'] as const
const TEXT_FIELDS = [
  'node_name',
  'node_role',
  'node_type',
  'ip_address',
  'local_ip',
  'hostname',
  'status',
] as const

/** Fields the registry sent but the schema had to drop (sent non-empty, parsed as null). */
function issuesOf(raw: unknown, node: RegistryNode): string[] {
  if (typeof raw !== 'object' || raw === null) return []
  const r = raw as Record<string, unknown>
  const issues: string[] = []
  const sent = (v: unknown) => v !== null && v !== undefined && v !== ''
  for (const f of TIME_FIELDS) if (sent(r[f]) && node[f] === null) issues.push(f)
  for (const f of TEXT_FIELDS) if (sent(r[f]) && node[f] === null) issues.push(f)
  if (sent(r.metadata) && (typeof r.metadata !== 'object' || Array.isArray(r.metadata)))
    issues.push('metadata')
  return issues
}

/** FNV-1a of a string, base 36: a short, stable name for a record without a usable id. */
function shortHash(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}

function safeStringify(v: unknown): string {
  // JSON.stringify gives undefined for these, whatever its types say.
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return String(v)
  try {
    return JSON.stringify(v)
  } catch {
    // A cycle or a BigInt: not JSON, so not from the network; any stable text will do.
    return Object.prototype.toString.call(v)
  }
}

/** Stable across polls as long as the record does not change, so the list keeps its row. */
export function invalidKey(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' && raw.id !== '')
    return `invalid:id:${raw.id}`
  return `invalid:${shortHash(safeStringify(raw))}`
}

/** The key a row is known by: the node id, or the invalid record's stable key. */
export function entryKey(e: NodeEntry): string {
  return e.kind === 'ok' ? e.node.node_id : e.key
}
