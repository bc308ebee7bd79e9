/**
 * The demo fleet: the two real nodes, workers with the registry's every quirk, and as many generated
 * workers as asked for. Addresses come from the team's architecture page and are data only.
 */
import { createCapabilities, type RawModule, type RawProfile } from './factories.ts'
import { hashString, mix, smoothNoise, unit } from './prng.ts'
import { formatRegistryTime } from './registry-time.ts'
import {
  DAY,
  HOUR,
  MINUTE,
  dailyOutages,
  fixedOutages,
  uuidFor,
  type Interval,
  type SimNodeSpec,
} from './sim-node.ts'

/** The notable nodes of the base set, for tests and e2e. */
export const DEMO_NODE_IDS = {
  hetzner: 'node-1-hetzner-gex44',
  macbook: 'node-2-macbook-m4max',
  /** Was silent for 12 minutes 3 hours before the simulator started; timestamps without a zone. */
  pastOutage: 'node-3-worker-fsn1',
  maintenance: 'node-4-worker-hel1',
  degraded: 'node-5-worker-nbg1',
  /** Reports the status "banana". */
  unknownStatus: 'node-6-worker-waw1',
  /** Stops sending heartbeats `SILENT_AFTER_MS` after the simulator starts. */
  fallsSilent: 'node-7-worker-lon1',
  /** Its /profile answers 500. */
  profileError: 'node-8-worker-par1',
  /** metadata "oops", last_heartbeat "not a date", a number for a role. */
  garbage: 'node-9-edge-kyiv',
  gateway: 'node-10-gateway-fra1',
  /** The same host registered twice: the old id fell silent 2 h before start, the new one is alive. */
  orphanOld: 'node-worker-ams1-3f9a1c2e',
  orphanNew: 'node-worker-ams1-b71d04e5',
} as const

export const ZONELESS_NODE_ID = DEMO_NODE_IDS.pastOutage
export const ORPHAN_HOSTNAME = 'worker-ams1'
/** When the falling-silent node sends its last heartbeat, counted from the simulator's start. */
export const SILENT_AFTER_MS = 90_000

const HETZNER_MODULES: RawModule[] = [
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

const MACBOOK_MODULES: RawModule[] = [
  { id: 'core.node-agent', status: 'up', port: 9206 },
  { id: 'ai.router', status: 'up', port: 9102, models: ['qwen3:32b', 'llama3.3:70b'] },
  { id: 'ai.ollama', status: 'up', port: 11434, models: ['qwen3:32b', 'llama3.3:70b', 'deepseek-r1:70b'] },
  { id: 'ai.mlx', status: 'up', port: 9120 },
  { id: 'dagi.agents', status: 'up', port: 9500 },
  { id: 'infra.nats-client', status: 'up' },
  { id: 'monitoring.node-exporter', status: 'up', port: 9100 },
]

const WORKER_MODULES: RawModule[] = [
  { id: 'core.node-agent', status: 'up', port: 9206 },
  { id: 'dagi.agents', status: 'up', port: 9500 },
  { id: 'infra.nats-client', status: 'up' },
  { id: 'infra.docker', status: 'up' },
  { id: 'monitoring.node-exporter', status: 'up', port: 9100 },
]

function workerProfile(
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

function linuxSystem(
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

interface WorkerArgs {
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

function baseWorker(a: WorkerArgs): SimNodeSpec {
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

/** node-2 is a laptop: offline every night (8 hours, the last night ending 6 h before start). */
function nightsOff(t0: number): (t: number) => Interval | null {
  const nights: Interval[] = []
  for (let d = -30; d <= 45; d++) nights.push({ from: t0 - d * DAY - 14 * HOUR, to: t0 - d * DAY - 6 * HOUR })
  return fixedOutages(nights)
}

/** The base set: every node the demo must show, whatever the fleet size. */
export function baseFleet(seed: number, t0: number): SimNodeSpec[] {
  const w = (nodeId: string, hostname: string, n: number, publicIp: string | null = null) =>
    baseWorker({ seed, t0, nodeId, hostname, publicIp, localIp: `10.10.0.${n}`, vpnIp: `10.42.0.${n}` })

  const hetznerKey = mix(seed, hashString(DEMO_NODE_IDS.hetzner))
  const hetznerCaps = createCapabilities({
    system: linuxSystem('gex44', '10.0.0.2', '144.76.224.179', 20, 64, 3840),
    services: [
      'node-registry',
      'nats',
      'router',
      'gateway',
      'synapse',
      'swapper',
      'ollama',
      'prometheus',
      'grafana',
    ],
    features: ['docker', 'gpu'],
    gpu: { available: true, gpus: ['NVIDIA RTX 4000 SFF Ada Generation'], count: 1 },
    ollama: { available: true, models: ['qwen3:8b', 'llama3.1:8b', 'nomic-embed-text'] },
  })
  const hetzner: SimNodeSpec = {
    key: hetznerKey,
    uuid: uuidFor(hetznerKey),
    nodeId: DEMO_NODE_IDS.hetzner,
    name: 'Node #1 — Hetzner GEX44',
    role: 'production',
    type: 'router',
    hostname: 'gex44',
    ipAddress: '144.76.224.179',
    localIp: '10.0.0.2',
    timeStyle: 'naive',
    registeredAt: t0 - 45 * DAY,
    silentFrom: null,
    // A deploy restart 9 days ago.
    outageAt: fixedOutages([{ from: t0 - 9 * DAY - 5 * HOUR, to: t0 - 9 * DAY - 5 * HOUR + 4 * MINUTE }]),
    statusAt: () => 'online',
    metrics: { cpu: 34, memory: 58, disk: 47, memoryTotalGb: 64, diskTotalGb: 3840 },
    capabilities: hetznerCaps,
    profile: {
      node_id: DEMO_NODE_IDS.hetzner,
      name: 'Node #1 — Hetzner GEX44',
      role: 'production',
      type: 'router',
      ip_address: '144.76.224.179',
      hostname: 'gex44',
      roles: ['core', 'gateway', 'matrix', 'agents', 'gpu'],
      gpu: { name: 'NVIDIA RTX 4000 SFF Ada Generation', vram_gb: 20 },
      modules: HETZNER_MODULES,
      version: '2.3.1',
      vpn_ip: '10.42.0.1',
    },
  }

  const macKey = mix(seed, hashString(DEMO_NODE_IDS.macbook))
  const macbook: SimNodeSpec = {
    key: macKey,
    uuid: uuidFor(macKey),
    nodeId: DEMO_NODE_IDS.macbook,
    name: 'Node #2 — MacBook Pro M4 Max',
    role: 'development',
    type: 'orchestrator',
    hostname: 'MacBook-Pro-M4-Max.local',
    ipAddress: '192.168.1.244',
    localIp: '192.168.1.244',
    timeStyle: 'offset',
    registeredAt: t0 - 40 * DAY,
    silentFrom: null,
    outageAt: nightsOff(t0),
    statusAt: () => 'online',
    metrics: { cpu: 22, memory: 47, disk: 71, memoryTotalGb: 128, diskTotalGb: 2048 },
    capabilities: createCapabilities({
      system: {
        hostname: 'MacBook-Pro-M4-Max.local',
        local_ip: '192.168.1.244',
        public_ip: null,
        platform: 'Darwin',
        platform_version: '25.1.0',
        architecture: 'arm64',
        cpu_count: 16,
        memory_total_gb: 128,
        disk_total_gb: 2048,
        python_version: '3.13.1',
      },
      services: ['node-agent', 'router', 'ollama', 'mlx'],
      features: ['docker', 'gpu'],
      gpu: { available: true, gpus: ['Apple M4 Max'], count: 1 },
      ollama: { available: true, models: ['qwen3:32b', 'llama3.3:70b', 'deepseek-r1:70b'] },
    }),
    profile: {
      node_id: DEMO_NODE_IDS.macbook,
      name: 'Node #2 — MacBook Pro M4 Max',
      role: 'development',
      type: 'orchestrator',
      ip_address: '192.168.1.244',
      hostname: 'MacBook-Pro-M4-Max.local',
      roles: ['dev', 'backup-router'],
      gpu: { name: 'Apple M4 Max', unified_memory_gb: 128 },
      modules: MACBOOK_MODULES,
      version: '2.3.1-dev',
      vpn_ip: '10.42.0.2',
    },
  }

  const pastOutage: SimNodeSpec = {
    ...w(DEMO_NODE_IDS.pastOutage, 'worker-fsn1', 3, '203.0.113.13'),
    timeStyle: 'naive',
    outageAt: fixedOutages([
      { from: t0 - 3 * HOUR, to: t0 - 3 * HOUR + 12 * MINUTE },
      { from: t0 - 5 * DAY - 7 * HOUR, to: t0 - 5 * DAY - 7 * HOUR + 40 * MINUTE },
    ]),
  }

  const maintenance: SimNodeSpec = {
    ...w(DEMO_NODE_IDS.maintenance, 'worker-hel1', 4, '203.0.113.14'),
    statusAt: (t) => (t >= t0 - 40 * MINUTE ? 'maintenance' : 'online'),
  }

  const degradedBase = w(DEMO_NODE_IDS.degraded, 'worker-nbg1', 5, '203.0.113.15')
  const degraded: SimNodeSpec = {
    ...degradedBase,
    statusAt: (t) =>
      t >= t0 - 10 * MINUTE || smoothNoise(degradedBase.key, t, 20 * MINUTE) > 0.45 ? 'degraded' : 'online',
  }

  const banana: SimNodeSpec = {
    ...w(DEMO_NODE_IDS.unknownStatus, 'worker-waw1', 6, '203.0.113.16'),
    statusAt: (t) => (t >= t0 - 3 * HOUR ? 'banana' : 'online'),
  }

  const fallsSilent: SimNodeSpec = {
    ...w(DEMO_NODE_IDS.fallsSilent, 'worker-lon1', 7, '203.0.113.17'),
    silentFrom: t0 + SILENT_AFTER_MS,
  }

  const profileError: SimNodeSpec = {
    ...w(DEMO_NODE_IDS.profileError, 'worker-par1', 8, '203.0.113.18'),
    profile: 'error500',
  }

  const garbage: SimNodeSpec = {
    ...w(DEMO_NODE_IDS.garbage, 'edge-kyiv', 9, null),
    type: 'worker',
    metrics: null,
    rawOverrides: {
      metadata: 'oops',
      last_heartbeat: 'not a date',
      node_role: 42,
      local_ip: { v4: '10.10.0.9' },
      unexpected_field: ['the registry added a column'],
    },
  }

  const gateway: SimNodeSpec = {
    ...w(DEMO_NODE_IDS.gateway, 'gw-fra1', 10, '203.0.113.20'),
    role: 'backup',
    type: 'gateway',
    timeStyle: 'zulu',
  }

  const orphanOldBase = w(DEMO_NODE_IDS.orphanOld, ORPHAN_HOSTNAME, 11, '203.0.113.21')
  const reRegisteredAt = t0 - 2 * HOUR
  const orphanOld: SimNodeSpec = { ...orphanOldBase, silentFrom: reRegisteredAt }
  const orphanNewBase = w(DEMO_NODE_IDS.orphanNew, ORPHAN_HOSTNAME, 11, '203.0.113.21')
  const orphanNew: SimNodeSpec = {
    ...orphanNewBase,
    registeredAt: reRegisteredAt + 20_000,
    uuid: uuidFor(orphanNewBase.key),
  }

  return [
    hetzner,
    macbook,
    pastOutage,
    maintenance,
    degraded,
    banana,
    fallsSilent,
    profileError,
    garbage,
    gateway,
    orphanOld,
    orphanNew,
  ]
}

const REGIONS = ['fsn', 'nbg', 'hel', 'waw', 'ams', 'par', 'lon', 'kyiv', 'fra', 'vie'] as const
const CPU = [4, 8, 16, 32] as const
const MEM = [16, 32, 64, 128] as const
const DISK = [256, 512, 1024, 2048] as const

function pick<T>(list: readonly T[], u: number): T {
  const v = list[Math.floor(u * list.length) % list.length]
  if (v === undefined) throw new Error('pick from an empty list')
  return v
}

/**
 * Generated worker number `index` (0-based) beyond the base set. Cheap: built on first use. A few are dead
 * (silent for hours or days), a few never sent a heartbeat, a few report "degraded" now and then.
 */
export function generatedWorker(seed: number, t0: number, index: number): SimNodeSpec {
  const region = REGIONS[index % REGIONS.length] ?? 'fsn'
  const n = Math.floor(index / REGIONS.length) + 2
  const number = 11 + index
  const nodeId = `node-${number}-worker-${region}${n}`
  const hostname = `worker-${region}${n}`
  const key = mix(seed, hashString(nodeId))
  const u = (salt: number) => unit(key, salt)
  const roleU = u(20)
  const role = roleU < 0.9 ? 'worker' : roleU < 0.97 ? 'backup' : 'development'
  const type = u(21) < 0.95 ? 'worker' : 'gateway'
  const registeredAt = t0 - Math.floor((2 + u(22) * 58) * DAY)
  const fate = u(23)
  // 2% went silent some time in the last 3 days; 0.5% registered and never sent a heartbeat.
  const silentFrom = fate < 0.02 ? t0 - Math.floor(u(24) * 72 * HOUR) : fate < 0.025 ? registeredAt : null
  const gpu = u(25) < 0.1
  const cpuCount = pick(CPU, u(26))
  const memGb = pick(MEM, u(27))
  const diskGb = pick(DISK, u(28))
  const localIp = `10.${20 + (Math.floor(index / 65_000) % 200)}.${Math.floor(index / 250) % 256}.${(index % 250) + 2}`
  const vpnIp = `10.43.${Math.floor(index / 250) % 256}.${(index % 250) + 2}`
  const capabilities = createCapabilities({
    system: linuxSystem(hostname, localIp, null, cpuCount, memGb, diskGb),
    services: ['node-agent', 'agents'],
    features: gpu ? ['docker', 'gpu'] : ['docker'],
    gpu: gpu
      ? { available: true, gpus: ['NVIDIA RTX A4000'], count: 1 }
      : { available: false, gpus: [], count: 0 },
    ollama: gpu ? { available: true, models: ['qwen3:8b'] } : { available: false, models: [] },
  })
  return {
    key,
    uuid: uuidFor(key),
    nodeId,
    name: nodeId,
    role,
    type,
    hostname,
    ipAddress: null,
    localIp,
    timeStyle: u(29) < 0.1 ? 'naive' : 'offset',
    registeredAt,
    silentFrom,
    outageAt: dailyOutages(key, t0, 0.15),
    statusAt: (t) => (smoothNoise(key, t, 30 * MINUTE) > 0.93 ? 'degraded' : 'online'),
    metrics: {
      cpu: 10 + u(30) * 50,
      memory: 20 + u(31) * 55,
      disk: 15 + u(32) * 65,
      memoryTotalGb: memGb,
      diskTotalGb: diskGb,
    },
    capabilities,
    profile: {
      ...workerProfile(nodeId, hostname, null, vpnIp),
      role,
      type,
      gpu: gpu ? { name: 'NVIDIA RTX A4000', vram_gb: 16 } : null,
    },
  }
}
