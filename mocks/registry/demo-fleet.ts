/**
 * The demo fleet: the two real nodes, workers with the registry's every quirk, and as many generated
 * workers as asked for. Addresses come from the team's architecture page and are data only.
 */
import { createCapabilities } from './factories.ts'
import { hashString, mix, smoothNoise } from './prng.ts'
import { baseWorker, HETZNER_MODULES, linuxSystem, MACBOOK_MODULES } from './demo-node-parts.ts'
import { DAY, HOUR, MINUTE, fixedOutages, uuidFor, type Interval, type SimNodeSpec } from './sim-node.ts'

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
