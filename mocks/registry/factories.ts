/**
 * Data factories in the registry's raw JSON shapes (contracts/registry-api.md, section 2), shared by the
 * simulator, Vitest and e2e. They build what the wire carries, not what the client parses it into.
 */
import { formatRegistryTime } from './registry-time.ts'

/** A node as the list and get routes send it. Loose on purpose: tests put garbage into any field. */
export interface RawNode {
  id?: unknown
  node_id?: unknown
  node_name?: unknown
  node_role?: unknown
  node_type?: unknown
  ip_address?: unknown
  local_ip?: unknown
  hostname?: unknown
  status?: unknown
  last_heartbeat?: unknown
  registered_at?: unknown
  updated_at?: unknown
  metadata?: unknown
  [extra: string]: unknown
}

export interface RawCapabilities {
  system?: Record<string, unknown>
  services?: string[]
  features?: string[]
  gpu?: { available: boolean; gpus: string[]; count: number }
  ollama?: { available: boolean; models: string[] }
  [extra: string]: unknown
}

export interface RawModule {
  id: string
  /** `up` or `degraded` as the service sends them; free text all the same. */
  status: string
  port?: number
  models?: string[]
}

export interface RawProfile {
  node_id: string
  name: string | null
  role: string | null
  type: string | null
  ip_address: string | null
  hostname: string | null
  status: string | null
  roles: string[]
  gpu: Record<string, unknown> | null
  modules: RawModule[]
  version: string | null
  vpn_ip: string | null
}

export interface RawBeatMetrics {
  cpu_percent: number
  memory_percent: number
  memory_available_gb: number
  disk_percent: number
  disk_free_gb: number
  timestamp: string
}

export interface RawHeartbeatRow {
  timestamp: string
  status: string
  metrics: RawBeatMetrics | Record<string, unknown>
}

export interface RawBucket {
  start: string
  beats: number
  statuses: Record<string, number>
  cpu_percent_avg: number | null
  memory_percent_avg: number | null
  disk_percent_avg: number | null
}

/** A fixed moment for tests that do not care about time (2026-11-29T07:00:00Z). */
export const FACTORY_EPOCH = Date.UTC(2026, 10, 29, 7, 0, 0)

let sequence = 0
function nextUuid(): string {
  sequence += 1
  const tail = sequence.toString(16).padStart(12, '0')
  return `00000000-0000-4000-8000-${tail}`
}

export function createCapabilities(overrides: RawCapabilities = {}): RawCapabilities {
  return {
    system: {
      hostname: 'worker-test',
      local_ip: '10.0.0.10',
      public_ip: null,
      platform: 'Linux',
      platform_version: '6.8.0-49-generic',
      architecture: 'x86_64',
      cpu_count: 8,
      memory_total_gb: 32,
      disk_total_gb: 512,
      python_version: '3.12.3',
    },
    services: ['node-agent'],
    features: ['docker'],
    gpu: { available: false, gpus: [], count: 0 },
    ollama: { available: false, models: [] },
    ...overrides,
  }
}

/** A healthy node that sent its last heartbeat 10 s before `FACTORY_EPOCH`, unless overridden. */
export function createNode(overrides: RawNode = {}): RawNode {
  const nodeId = typeof overrides.node_id === 'string' ? overrides.node_id : `node-test-${sequence + 1}`
  const registered = FACTORY_EPOCH - 7 * 86_400_000
  return {
    id: nextUuid(),
    node_id: nodeId,
    node_name: nodeId,
    node_role: 'worker',
    node_type: 'worker',
    ip_address: '203.0.113.10',
    local_ip: '10.0.0.10',
    hostname: 'worker-test',
    status: 'online',
    last_heartbeat: formatRegistryTime(FACTORY_EPOCH - 10_000, 'naive'),
    registered_at: formatRegistryTime(registered, 'naive'),
    updated_at: formatRegistryTime(FACTORY_EPOCH - 10_000, 'naive'),
    metadata: {
      capabilities: createCapabilities(),
      first_registration: formatRegistryTime(registered, 'naive'),
      last_registration: formatRegistryTime(registered, 'naive'),
    },
    ...overrides,
  }
}

export function createProfile(overrides: Partial<RawProfile> = {}): RawProfile {
  return {
    node_id: 'node-test-1',
    name: 'node-test-1',
    role: 'worker',
    type: 'worker',
    ip_address: '203.0.113.10',
    hostname: 'worker-test',
    status: 'online',
    roles: ['agents'],
    gpu: null,
    modules: [
      { id: 'core.node-agent', status: 'up', port: 9206 },
      { id: 'infra.docker', status: 'up' },
    ],
    version: '1.4.2',
    vpn_ip: '10.42.0.10',
    ...overrides,
  }
}

export function createBeatMetrics(overrides: Partial<RawBeatMetrics> = {}): RawBeatMetrics {
  return {
    cpu_percent: 12.5,
    memory_percent: 41.2,
    memory_available_gb: 18.3,
    disk_percent: 63,
    disk_free_gb: 120.4,
    timestamp: new Date(FACTORY_EPOCH).toISOString(),
    ...overrides,
  }
}

export function createHeartbeatRow(overrides: Partial<RawHeartbeatRow> = {}): RawHeartbeatRow {
  return {
    timestamp: formatRegistryTime(FACTORY_EPOCH, 'naive'),
    status: 'online',
    metrics: createBeatMetrics(),
    ...overrides,
  }
}

export interface RawHealth {
  status: string
  service: string
  version: string
  environment: string
  uptime_seconds: number
  timestamp: string
  database: { type: string; url: string; connected: boolean }
  network_stats: {
    total_nodes: number
    online_nodes: number
    offline_nodes: number
    uptime_percentage: number
  }
}

export function createHealth(overrides: Partial<RawHealth> = {}): RawHealth {
  return {
    status: 'healthy',
    service: 'node-registry',
    version: '1.0.0',
    environment: 'production',
    uptime_seconds: 86_400,
    timestamp: formatRegistryTime(FACTORY_EPOCH, 'naive'),
    // The real service puts its connection URL here; a deployment would not show a password, nor do we.
    database: { type: 'postgresql', url: 'postgresql://registry@db:5432/node_registry', connected: true },
    network_stats: { total_nodes: 3, online_nodes: 3, offline_nodes: 0, uptime_percentage: 100 },
    ...overrides,
  }
}

export interface RawRegistryMetrics {
  service: string
  uptime_seconds: number
  total_nodes: number
  online_nodes: number
  offline_nodes: number
  uptime_percentage: number
  timestamp: string
}

export function createRegistryMetrics(overrides: Partial<RawRegistryMetrics> = {}): RawRegistryMetrics {
  return {
    service: 'node-registry',
    uptime_seconds: 86_400,
    total_nodes: 3,
    online_nodes: 3,
    offline_nodes: 0,
    uptime_percentage: 100,
    timestamp: formatRegistryTime(FACTORY_EPOCH, 'naive'),
    ...overrides,
  }
}
