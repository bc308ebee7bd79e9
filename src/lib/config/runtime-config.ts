import '@/lib/csp/zod-without-eval.ts'
import { z } from 'zod'

/**
 * Runtime configuration, read from `config.json` served beside `index.html`, so one build serves any
 * environment. Vite env variables (`VITE_*`) fill in what the file leaves out, for development.
 * An empty registry URL means demo mode: the simulated fleet, served by MSW in the browser.
 */
const optionalUrl = z
  .string()
  .trim()
  .transform((s) => s.replace(/\/+$/, ''))
  .optional()
  .catch(undefined)

/**
 * The registry's base: absolute, or relative to the page (`"/"`: the console's own server, same origin).
 * Trailing slashes go, but `"/"` stays `"/"`: it names a registry, where an empty string means demo mode.
 */
const registryUrl = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s.replace(/(.)\/+$/, '$1')))
  .optional()
  .catch(undefined)

/** Present only where the console's server offers live push: the SSE route, relative or absolute. */
const serverSchema = z
  .object({ events: z.string().trim().min(1).optional().catch(undefined) })
  .optional()
  .catch(undefined)

export const RuntimeConfigSchema = z.object({
  registryUrl,
  /** Sent verbatim as the `Authorization` header to the registry (deployments put a proxy in front). */
  registryAuthorization: z.string().optional().catch(undefined),
  /** Expected interval between a node's heartbeats. */
  heartbeatIntervalSeconds: z.number().positive().max(3600).default(30).catch(30),
  /** A node is online while its heartbeat is younger than interval + grace. */
  graceSeconds: z.number().nonnegative().max(3600).default(15).catch(15),
  /** ...and offline once its heartbeat is older than this. Stale in between. */
  offlineAfterSeconds: z.number().positive().max(86_400).default(120).catch(120),
  /** Per-request timeout for registry calls. */
  requestTimeoutMs: z.number().int().positive().max(120_000).default(10_000).catch(10_000),
  homeserverUrl: optionalUrl,
  /** Room id (`!abc:server`) or alias (`#ops:server`) of the team's room. */
  chatRoom: z.string().trim().optional().catch(undefined),
  presenceTransport: z.enum(['direct', 'gateway']).default('direct').catch('direct'),
  gatewayUrl: optionalUrl,
  /** Minutes without input before the user shows as away. */
  idleMinutes: z.number().positive().max(240).default(5).catch(5),
  /**
   * Present where an incident bot posts into the team's room: its user id, so only its messages are read as
   * incidents. Absent: the console derives incidents itself and nobody is notified.
   */
  incidents: z
    .object({
      botUserId: z
        .string()
        .trim()
        .regex(/^@[^\s:]+:\S+$/),
    })
    .optional()
    .catch(undefined),
  /** What the console's own server offers (absent: the app polls the registry, as without a server). */
  server: serverSchema,
  /** Demo fleet: seed and size of the simulator (demo mode only). */
  demo: z
    .object({
      seed: z.number().int().default(42).catch(42),
      nodes: z.number().int().min(0).max(20_000).default(12).catch(12),
    })
    .default({ seed: 42, nodes: 12 })
    .catch({ seed: 42, nodes: 12 }),
})

export type RuntimeConfig = z.infer<typeof RuntimeConfigSchema>

function fromEnv(): Record<string, unknown> {
  const env = import.meta.env
  const out: Record<string, unknown> = {}
  const str = (key: string, name: string) => {
    const v: unknown = env[name]
    if (typeof v === 'string' && v !== '') out[key] = v
  }
  str('registryUrl', 'VITE_REGISTRY_URL')
  str('registryAuthorization', 'VITE_REGISTRY_AUTHORIZATION')
  str('homeserverUrl', 'VITE_HOMESERVER_URL')
  str('chatRoom', 'VITE_CHAT_ROOM')
  str('presenceTransport', 'VITE_PRESENCE_TRANSPORT')
  str('gatewayUrl', 'VITE_GATEWAY_URL')
  return out
}

/**
 * Demo-only overrides from the address bar (`?demo-nodes=10000&demo-seed=7`), so the benchmark and a
 * curious operator can grow the simulated fleet without a new build. Ignored in live mode.
 */
function demoFromSearch(search: string): { seed?: number; nodes?: number } {
  const p = new URLSearchParams(search)
  const out: { seed?: number; nodes?: number } = {}
  const nodes = Number(p.get('demo-nodes'))
  const seed = Number(p.get('demo-seed'))
  if (p.has('demo-nodes') && Number.isFinite(nodes)) out.nodes = nodes
  if (p.has('demo-seed') && Number.isFinite(seed)) out.seed = seed
  return out
}

export function parseRuntimeConfig(
  file: unknown,
  env: Record<string, unknown> = {},
  search = '',
): RuntimeConfig {
  const fileObj = typeof file === 'object' && file !== null ? (file as Record<string, unknown>) : {}
  const merged: Record<string, unknown> = { ...env, ...fileObj }
  const base = RuntimeConfigSchema.parse(merged)
  if (!base.registryUrl) base.demo = { ...base.demo, ...demoFromSearch(search) }
  return base
}

/** Fetches `config.json` (a missing or broken file means "all defaults": demo mode). */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  let file: unknown = {}
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' })
    if (res.ok) file = await res.json()
  } catch {
    // No config file, or not JSON: fall back to the defaults and the environment.
  }
  return parseRuntimeConfig(file, fromEnv(), window.location.search)
}

export const isDemoRegistry = (c: RuntimeConfig) => !c.registryUrl
export const isDemoHomeserver = (c: RuntimeConfig) => !c.homeserverUrl
