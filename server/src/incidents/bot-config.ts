import { z } from 'zod'
import { DEFAULT_RULES, type IncidentRules } from '../../../src/entities/incident/model/incident.ts'
import { thresholdsFromConfig } from '../../../src/entities/node/model/liveness.ts'
import type { IncidentLanguage } from '../../../src/entities/incident/model/incident-text.ts'

/** The incident bot's configuration, read from the environment and validated once, at start. */
export interface BotConfig {
  homeserverUrl: string
  accessToken: string
  /** `!id:server` or `#alias:server`. */
  room: string
  language: IncidentLanguage
  registryUrl: string
  registryAuthorization: string | null
  registryTimeoutMs: number
  /** The registry's PostgreSQL: its session-level advisory lock elects the one instance that posts. */
  databaseUrl: string | null
  pollMs: number
  /** How often a standby tries the lock: its takeover time after the holder dies. */
  leaderRetryMs: number
  rules: IncidentRules
  /** How many of the room's latest events are read back on start to find the open incidents. */
  historyLimit: number
}

const seconds = (fallback: number) => z.coerce.number().positive().default(fallback)
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? null : v.trim()))

const EnvSchema = z.object({
  BOT_HOMESERVER_URL: z.url({ protocol: /^https?$/ }),
  BOT_ACCESS_TOKEN: z.string().min(1, 'is empty'),
  // Room ids of room version 12 have no server part.
  BOT_ROOM_ID: z
    .string()
    .regex(/^(![^\s]+|#[^\s:]+:\S+)$/, 'must be a room id (!id) or alias (#name:server)'),
  BOT_LANGUAGE: z.enum(['uk', 'en']).default('en'),
  REGISTRY_URL: z.url({ protocol: /^https?$/ }),
  REGISTRY_AUTHORIZATION: optional,
  REGISTRY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  REGISTRY_DATABASE_URL: optional,
  HEARTBEAT_INTERVAL_SECONDS: seconds(30),
  GRACE_SECONDS: seconds(15),
  OFFLINE_AFTER_SECONDS: seconds(120),
  BOT_POLL_MS: z.coerce.number().int().positive().optional(),
  BOT_LEADER_RETRY_SECONDS: seconds(10),
  BOT_GROUP_WINDOW_SECONDS: seconds(DEFAULT_RULES.groupWindowMs / 1000),
  BOT_FLAP_WINDOW_SECONDS: seconds(DEFAULT_RULES.flapWindowMs / 1000),
  BOT_ACK_TIMEOUT_SECONDS: seconds(DEFAULT_RULES.ackTimeoutMs / 1000),
  BOT_ACKER_OFFLINE_SECONDS: seconds(DEFAULT_RULES.ackerOfflineMs / 1000),
  BOT_HISTORY_LIMIT: z.coerce.number().int().positive().default(2000),
})

/** Thrown at start: names every variable that is wrong and how. */
export class BotConfigError extends Error {}

export function readBotConfig(env: Record<string, string | undefined>): BotConfig {
  const r = EnvSchema.safeParse(env)
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new BotConfigError(`The incident bot's configuration is invalid:\n  ${lines.join('\n  ')}`)
  }
  const e = r.data
  const c = {
    heartbeatIntervalSeconds: e.HEARTBEAT_INTERVAL_SECONDS,
    graceSeconds: e.GRACE_SECONDS,
    offlineAfterSeconds: e.OFFLINE_AFTER_SECONDS,
  }
  return {
    homeserverUrl: e.BOT_HOMESERVER_URL.replace(/\/+$/, ''),
    accessToken: e.BOT_ACCESS_TOKEN,
    room: e.BOT_ROOM_ID,
    language: e.BOT_LANGUAGE,
    registryUrl: e.REGISTRY_URL.replace(/\/+$/, ''),
    registryAuthorization: e.REGISTRY_AUTHORIZATION,
    registryTimeoutMs: e.REGISTRY_TIMEOUT_MS,
    databaseUrl: e.REGISTRY_DATABASE_URL,
    // The console's poll period: a node's change is seen at most one poll late.
    pollMs: e.BOT_POLL_MS ?? Math.min(c.heartbeatIntervalSeconds, c.graceSeconds / 2) * 1000,
    leaderRetryMs: e.BOT_LEADER_RETRY_SECONDS * 1000,
    rules: {
      thresholds: thresholdsFromConfig(c),
      groupWindowMs: e.BOT_GROUP_WINDOW_SECONDS * 1000,
      flapWindowMs: e.BOT_FLAP_WINDOW_SECONDS * 1000,
      flapFlips: DEFAULT_RULES.flapFlips,
      ackTimeoutMs: e.BOT_ACK_TIMEOUT_SECONDS * 1000,
      ackerOfflineMs: e.BOT_ACKER_OFFLINE_SECONDS * 1000,
    },
    historyLimit: e.BOT_HISTORY_LIMIT,
  }
}
