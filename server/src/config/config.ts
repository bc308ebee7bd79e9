import { readFileSync } from 'node:fs'
import { z } from 'zod'

/**
 * The server's configuration: environment variables, and an optional JSON file (`CONSOLE_CONFIG`) with the
 * same keys in camelCase. The environment wins over the file. Validated once at start: a bad value stops the
 * server with a message that names the variable and what is wrong with it.
 */
const url = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .transform((s) => s.replace(/\/+$/, ''))
const pgUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
const int = (min: number, max: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(min).max(max)
const seconds = (max: number) => z.coerce.number({ error: 'must be a number' }).positive().max(max)

export const ConfigSchema = z.object({
  port: int(0, 65_535).default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  registryUrl: url.optional(),
  registryAuthorization: z.string().min(1).optional(),
  registryDatabaseUrl: pgUrl.optional(),
  registryTimeoutMs: int(100, 120_000).default(5_000),
  /**
   * How long a registry answer is shared between tabs (concurrent requests are coalesced regardless). Default:
   * the app's poll period, min(interval, grace / 2), so any number of tabs cost the registry one tab's polls.
   */
  registryCacheMs: int(0, 60_000).optional(),
  dbStatementTimeoutMs: int(100, 120_000).default(5_000),
  /** CSP `frame-ancestors` sources, space-separated (`'none'` by default: the console is not framed). */
  frameAncestors: z.string().min(1).default("'none'"),
  homeserverUrl: url.optional(),
  chatRoom: z.string().min(1).optional(),
  heartbeatIntervalSeconds: seconds(3600).default(30),
  graceSeconds: z.coerce.number().nonnegative().max(3600).default(15),
  offlineAfterSeconds: seconds(86_400).default(120),
  /** The built app to serve. */
  distDir: z.string().min(1).default('dist'),
  /** Demo fleet (no registry configured): seed and size of the simulator served in-process. */
  demoSeed: int(0, 2 ** 31).default(42),
  demoNodes: int(0, 20_000).default(12),
  botHomeserverUrl: url.optional(),
  botAccessToken: z.string().min(1).optional(),
  botRoomId: z.string().min(1).optional(),
  botLanguage: z.enum(['uk', 'en']).default('uk'),
  /** The bot account's user id, announced to the app so it reads that account's messages as incidents. */
  botUserId: z
    .string()
    .regex(/^@[^\s:]+:\S+$/, 'must be a user id (@name:server)')
    .optional(),
})
export type Config = z.infer<typeof ConfigSchema>
type Key = keyof Config

/** `registryUrl` → `REGISTRY_URL`. */
export function envName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads the configuration from `env` (and the file `env.CONSOLE_CONFIG` names); throws a ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const file = env.CONSOLE_CONFIG ? readConfigFile(env.CONSOLE_CONFIG) : {}
  const merged: Record<string, unknown> = { ...file }
  for (const key of Object.keys(ConfigSchema.shape) as Key[]) {
    const value = env[envName(key)]
    if (value !== undefined && value !== '') merged[key] = value
  }
  const parsed = ConfigSchema.safeParse(merged)
  if (parsed.success) return parsed.data
  const lines = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '')
    const where =
      key in file && env[envName(key)] === undefined ? `${key} in ${env.CONSOLE_CONFIG ?? ''}` : envName(key)
    return `${where}: ${issue.message}`
  })
  throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`)
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw new ConfigError(`CONSOLE_CONFIG: cannot read ${path} (${(e as Error).message})`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    throw new ConfigError(`CONSOLE_CONFIG: ${path} is not JSON (${(e as Error).message})`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ConfigError(`CONSOLE_CONFIG: ${path} must hold a JSON object`)
  const known = new Set(Object.keys(ConfigSchema.shape))
  const unknown = Object.keys(value).filter((k) => !known.has(k))
  if (unknown.length > 0)
    throw new ConfigError(`CONSOLE_CONFIG: unknown keys in ${path}: ${unknown.join(', ')}`)
  return value as Record<string, unknown>
}
