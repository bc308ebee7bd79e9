/** The pieces the demo's nodes are built from: software modules, profiles, system info and a base worker. */
import { createCapabilities, type RawModule, type RawProfile } from './factories.ts'
import { hashString, mix, unit } from './prng.ts'
import { formatRegistryTime } from './registry-time.ts'
import { DAY, dailyOutages, uuidFor, type SimNodeSpec } from './sim-node.ts'

export const HETZNER_MODULES: RawModule[] = [
  { id: 'core.node-registry', status: 'up', port: 9205 },
  { id: 'core.gateway', status: 'up', port: 9300 },
  { id: 'core.auth', status: 'up', port: 9200 },
  { id: 'core.scheduler', status: 'up', port: 9210 },
  { id: 'infra.nats', status: 'up', port: 4222 },
  { id: 'infra.nats-monitoring', status: 'up', port: 8222 },
  { id: 'infra.postgres', status: 'up', port: 5432 },
  { id: 'infra.redis', status: 'up', port: 6379 },
  { id: 'infra.minio', status: 'up', port: 9000 },
  { id: 'infra.caddy', status: 'up', port: 443 },
  { id: 'ai.router', status: 'up', port: 9102, models: ['qwen3:8b', 'llama3.1:8b', 'mistral-small:24b'] },
  { id: 'ai.ollama', status: 'up', port: 11434, models: ['qwen3:8b', 'llama3.1:8b', 'nomic-embed-text'] },
  { id: 'ai.swapper', status: 'up', port: 8890 },
  { id: 'ai.embeddings', status: 'up', port: 9110 },
  { id: 'ai.vision', status: 'degraded', port: 9112, models: ['llava:13b'] },
  { id: 'daarion.city-api', status: 'up', port: 9400 },
  { id: 'daarion.web', status: 'up', port: 3001 },
  { id: 'dagi.agents', status: 'up', port: 9500 },
  { id: 'dagi.memory', status: 'up', port: 9510 },
  { id: 'dagi.tools', status: 'up', port: 9520 },
  { id: 'matrix.synapse', status: 'up', port: 8008 },
  { id: 'matrix.gateway', status: 'up', port: 9301 },
  { id: 'matrix.presence', status: 'up', port: 9302 },
  { id: 'monitoring.prometheus', status: 'up', port: 9090 },
  { id: 'monitoring.grafana', status: 'up', port: 3000 },
  { id: 'monitoring.loki', status: 'up', port: 3100 },
  { id: 'integration.telegram', status: 'up', port: 9600 },
  { id: 'integration.webhooks', status: 'up', port: 9610 },
]

export const MACBOOK_MODULES: RawModule[] = [
  { id: 'core.node-agent', status: 'up', port: 9206 },
  { id: 'ai.router', status: 'up', port: 9102, models: ['qwen3:32b', 'llama3.3:70b'] },
  { id: 'ai.ollama', status: 'up', port: 11434, models: ['qwen3:32b', 'llama3.3:70b', 'deepseek-r1:70b'] },
  { id: 'ai.mlx', status: 'up', port: 9120 },
  { id: 'dagi.agents', status: 'up', port: 9500 },
  { id: 'infra.nats-client', status: 'up' },
  { id: 'monitoring.node-exporter', status: 'up', port: 9100 },
]

export const WORKER_MODULES: RawModule[] = [
  { id: 'core.node-agent', status: 'up', port: 9206 },
  { id: 'dagi.agents', status: 'up', port: 9500 },
  { id: 'infra.nats-client', status: 'up' },
  { id: 'infra.docker', status: 'up' },
  { id: 'monitoring.node-exporter', status: 'up', port: 9100 },
]

export function workerProfile(
  nodeId: string,
  hostname: string,
  ip: string | null,
  vpnIp: string,
): Omit<RawProfile, 'status'> {
  return {
    node_id: nodeId,
    name: nodeId,
    role: 'worker',
    type: 'worker',
    ip_address: ip,
    hostname,
    roles: ['agents'],
    gpu: null,
    modules: WORKER_MODULES,
    version: '1.4.2',
    vpn_ip: vpnIp,
  }
}

export function metadataOf(
  spec: Pick<SimNodeSpec, 'registeredAt' | 'capabilities'>,
  lastRegistration = spec.registeredAt,
) {
  return {
    capabilities: spec.capabilities,
    first_registration: formatRegistryTime(spec.registeredAt, 'naive'),
    last_registration: formatRegistryTime(lastRegistration, 'naive'),
  }
}

export function linuxSystem(
  hostname: string,
  localIp: string,
  publicIp: string | null,
  cpu: number,
  memGb: number,
  diskGb: number,
) {
  return {
    hostname,
    local_ip: localIp,
    public_ip: publicIp,
    platform: 'Linux',
    platform_version: '6.8.0-49-generic',
    architecture: 'x86_64',
    cpu_count: cpu,
    memory_total_gb: memGb,
    disk_total_gb: diskGb,
    python_version: '3.12.3',
  }
}

export interface WorkerArgs {
  seed: number
  t0: number
  nodeId: string
  hostname: string
  publicIp: string | null
  localIp: string
  vpnIp: string
  role?: string
  type?: string
}

export function baseWorker(a: WorkerArgs): SimNodeSpec {
  const key = mix(a.seed, hashString(a.nodeId))
  const capabilities = createCapabilities({
    system: linuxSystem(a.hostname, a.localIp, a.publicIp, 16, 64, 1024),
    services: ['node-agent', 'agents'],
    features: ['docker'],
    gpu: { available: false, gpus: [], count: 0 },
    ollama: { available: false, models: [] },
  })
  return {
    key,
    uuid: uuidFor(key),
    nodeId: a.nodeId,
    name: a.nodeId,
    role: a.role ?? 'worker',
    type: a.type ?? 'worker',
    hostname: a.hostname,
    ipAddress: a.publicIp,
    localIp: a.localIp,
    timeStyle: 'offset',
    registeredAt: a.t0 - 34 * DAY - Math.floor(unit(key, 7) * 6 * DAY),
    silentFrom: null,
    outageAt: dailyOutages(key, a.t0, 0.12),
    statusAt: () => 'online',
    metrics: {
      cpu: 20 + unit(key, 8) * 35,
      memory: 30 + unit(key, 9) * 40,
      disk: 25 + unit(key, 10) * 50,
      memoryTotalGb: 64,
      diskTotalGb: 1024,
    },
    capabilities,
    profile: workerProfile(a.nodeId, a.hostname, a.publicIp, a.vpnIp),
  }
}
