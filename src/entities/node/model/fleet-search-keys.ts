import type { NodeEntry } from './schemas.ts'

/** What the search and the sort read of an entry, computed once per entry object. */
export interface EntryKeys {
  /** Lowercase text the search matches: name, id, hostname, addresses, role, type, reported status. */
  search: string
  /** Name with digit runs zero-padded, so `node-2` sorts before `node-10` with a plain string compare. */
  name: string
  /** The node id (or the key of an unreadable record): the last tie-break, so the order is total. */
  id: string
  role: string
  type: string
  lastHeartbeat: number | null
}

// Keyed by the entry, their natural owner: an entry never changes and is kept across polls while its node does
// not (shareUnchanged), so the keys are computed once per node change, not per keystroke or per 1 s tick.
const keyCache = new WeakMap<NodeEntry, EntryKeys>()

const naturalKey = (s: string) => s.toLowerCase().replace(/\d+/g, (d) => d.padStart(12, '0'))

function rawSearchText(raw: unknown): string {
  try {
    // JSON.stringify answers undefined for undefined input, whatever its declared type says.
    const text = JSON.stringify(raw) as string | undefined
    return (text ?? '').slice(0, 500)
  } catch {
    return ''
  }
}

export function entryKeys(entry: NodeEntry): EntryKeys {
  let k = keyCache.get(entry)
  if (k) return k
  if (entry.kind === 'ok') {
    const n = entry.node
    const sys = n.metadata.capabilities.system
    const parts = [
      n.node_name,
      n.node_id,
      n.hostname,
      n.ip_address,
      n.local_ip,
      sys?.hostname,
      sys?.public_ip,
      n.node_role,
      n.node_type,
      n.status,
    ]
    k = {
      search: parts
        .filter((p): p is string => typeof p === 'string' && p !== '')
        .join('\n')
        .toLowerCase(),
      name: naturalKey(n.node_name ?? n.node_id),
      id: n.node_id,
      role: (n.node_role ?? '').toLowerCase(),
      type: (n.node_type ?? '').toLowerCase(),
      lastHeartbeat: n.last_heartbeat,
    }
  } else {
    k = {
      search: `${entry.key}\n${rawSearchText(entry.raw)}`.toLowerCase(),
      name: naturalKey(entry.key),
      id: entry.key,
      role: '',
      type: '',
      lastHeartbeat: null,
    }
  }
  keyCache.set(entry, k)
  return k
}
