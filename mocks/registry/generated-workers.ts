/** The generated part of a large demo fleet: one more worker per index, the same for a seed every time. */
import { createCapabilities } from './factories.ts'
import { hashString, mix, smoothNoise, unit } from './prng.ts'
import { linuxSystem, workerProfile } from './demo-node-parts.ts'
import { DAY, HOUR, MINUTE, dailyOutages, uuidFor, type SimNodeSpec } from './sim-node.ts'

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
