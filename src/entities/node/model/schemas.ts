import '@/lib/csp/zod-without-eval.ts'
import { z } from 'zod'

/**
 * The registry's answers, as the service really sends them (contracts: registry-api.md). Strict about
 * shape where the page depends on it, tolerant of the known quirks: free-text status, zone-less UTC
 * timestamps, missing or extra fields. A field that fails degrades to "unknown" instead of failing the node.
 */

/** Parses an ISO timestamp; one without a zone is UTC (the registry writes naive UTC). Null when unusable. */
export function parseRegistryTime(value: unknown): number | null {
  return typeof value === 'string' ? parseTimeText(value) : null
}

function parseTimeText(value: string): number | null {
  if (value.trim() === '') return null
  const s = value.trim()
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(s)
  const iso = hasZone ? s : `${s}Z`
  // Date.parse accepts at most millisecond precision reliably; the registry sends microseconds.
  const normalized = iso.replace(/(\.\d{3})\d+/, '$1')
  const ms = Date.parse(normalized)
  return Number.isFinite(ms) ? ms : null
}

// `.optional()` before each transform keeps a missing key legal (zod 4 treats a bare transform as required):
// the registry leaves fields out, and a missing field must read as null, not fail the whole object.
const time = z.unknown().optional().transform(parseRegistryTime)
const optString = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === 'string' && v.trim() !== '' ? v : null))
const num = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null))
const stringList = z
  .unknown()
  .optional()
  .transform((v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []))

export const SystemInfoSchema = z
  .object({
    hostname: optString,
    local_ip: optString,
    public_ip: optString,
    platform: optString,
    platform_version: optString,
    architecture: optString,
    cpu_count: num,
    memory_total_gb: num,
    disk_total_gb: num,
    python_version: optString,
  })
  .partial()

export const CapabilitiesSchema = z.object({
  system: SystemInfoSchema.nullable().catch(null).default(null),
  services: stringList,
  features: stringList,
  gpu: z
    .object({ available: z.boolean().catch(false).default(false), gpus: stringList, count: num })
    .nullable()
    .catch(null)
    .default(null),
  ollama: z
    .object({ available: z.boolean().catch(false).default(false), models: stringList })
    .nullable()
    .catch(null)
    .default(null),
})
export type Capabilities = z.infer<typeof CapabilitiesSchema>

const emptyCapabilities: Capabilities = { system: null, services: [], features: [], gpu: null, ollama: null }

export const NodeMetadataSchema = z
  .object({
    capabilities: CapabilitiesSchema.catch(emptyCapabilities).default(emptyCapabilities),
    first_registration: time,
    last_registration: time,
  })
  .catch({ capabilities: emptyCapabilities, first_registration: null, last_registration: null })

/** A node as the list and get routes send it. `node_id` is the only field a node cannot do without. */
export const NodeSchema = z.object({
  id: optString,
  node_id: z.string().min(1),
  node_name: optString,
  node_role: optString,
  node_type: optString,
  ip_address: optString,
  local_ip: optString,
  hostname: optString,
  /** Free text: whatever the last heartbeat sent. Kept as is and shown; never trusted for liveness. */
  status: optString,
  last_heartbeat: time,
  registered_at: time,
  updated_at: time,
  metadata: NodeMetadataSchema.default({
    capabilities: emptyCapabilities,
    first_registration: null,
    last_registration: null,
  }),
})
export type RegistryNode = z.infer<typeof NodeSchema>

/**
 * A list entry: either a usable node or one the registry sent in a shape we cannot use. A bad entry is shown
 * as such in the list ("unreadable record") instead of failing the page.
 */
export type NodeEntry =
  | { kind: 'ok'; node: RegistryNode; issues: string[] }
  | { kind: 'invalid'; key: string; raw: unknown; error: string }

export const NodesPageSchema = z.object({
  nodes: z.array(z.unknown()),
  total: z.number().optional().catch(undefined),
})

export const ModuleSchema = z.object({
  id: z.string(),
  status: optString,
  port: num.optional(),
  models: stringList.optional(),
})
export type NodeModule = z.infer<typeof ModuleSchema>

export const ProfileSchema = z.object({
  node_id: z.string(),
  name: optString,
  role: optString,
  type: optString,
  ip_address: optString,
  hostname: optString,
  status: optString,
  roles: stringList,
  gpu: z.record(z.string(), z.unknown()).nullable().catch(null).default(null),
  modules: z.unknown().transform((v) =>
    Array.isArray(v)
      ? v.flatMap((m) => {
          const r = ModuleSchema.safeParse(m)
          return r.success ? [r.data] : []
        })
      : [],
  ),
  version: optString,
  vpn_ip: optString,
})
export type NodeProfile = z.infer<typeof ProfileSchema>

export const HealthSchema = z.object({
  status: z.string().catch('unknown'),
  service: optString,
  version: optString,
  environment: optString,
  uptime_seconds: num,
  timestamp: time,
  database: z
    .object({ type: optString, connected: z.boolean().nullable().catch(null).default(null) })
    .nullable()
    .catch(null)
    .default(null),
  network_stats: z
    .object({ total_nodes: num, online_nodes: num, offline_nodes: num, uptime_percentage: num })
    .nullable()
    .catch(null)
    .default(null),
})
export type RegistryHealth = z.infer<typeof HealthSchema>

export const RegistryMetricsSchema = z.object({
  service: optString,
  uptime_seconds: num,
  total_nodes: num,
  online_nodes: num,
  offline_nodes: num,
  uptime_percentage: num,
  timestamp: time,
})
export type RegistryMetrics = z.infer<typeof RegistryMetricsSchema>

export const BeatMetricsSchema = z
  .object({
    cpu_percent: num,
    memory_percent: num,
    memory_available_gb: num,
    disk_percent: num,
    disk_free_gb: num,
  })
  .partial()
  .catch({})
export type BeatMetrics = z.infer<typeof BeatMetricsSchema>

export const HeartbeatSchema = z.object({
  timestamp: time,
  status: optString,
  metrics: BeatMetricsSchema.nullable().catch(null).default(null),
})
/** One heartbeat; `ts` null when the row's timestamp was unusable (such rows are dropped by the client). */
export type Heartbeat = z.infer<typeof HeartbeatSchema>

export const HeartbeatsRawSchema = z.object({
  node_id: z.string().optional(),
  heartbeats: z.array(z.unknown()),
  total: z.number().optional().catch(undefined),
})

export const BucketSchema = z.object({
  start: time,
  beats: z.number().int().nonnegative().catch(0),
  statuses: z.record(z.string(), z.number()).catch({}).default({}),
  cpu_percent_avg: num,
  memory_percent_avg: num,
  disk_percent_avg: num,
})
export type HeartbeatBucket = z.infer<typeof BucketSchema>

export const BucketsRawSchema = z.object({
  node_id: z.string().optional(),
  bucket_seconds: z.number().positive(),
  buckets: z.array(z.unknown()),
})

export const NODE_ROLES = ['production', 'development', 'backup', 'worker'] as const
export const NODE_TYPES = ['router', 'gateway', 'worker', 'orchestrator'] as const
