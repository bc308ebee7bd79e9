import type { Config } from '../config/config.ts'
import type { Job } from '../jobs.ts'
import { readBotConfig } from './bot-config.ts'

/**
 * The incident bot as a job of the console server: null when no BOT_* is configured. Built before the
 * server starts, so a partial or wrong bot configuration stops the start with the variable's name.
 * The bot's own tuning (BOT_POLL_MS, thresholds) still comes from the environment.
 */
export function incidentBotJob(
  config: Config,
  registryUrl: string,
  env: Record<string, string | undefined> = process.env,
): Job | null {
  if (
    config.botHomeserverUrl === undefined &&
    config.botAccessToken === undefined &&
    config.botRoomId === undefined
  ) {
    return null
  }
  const bot = readBotConfig({
    ...env,
    BOT_HOMESERVER_URL: config.botHomeserverUrl,
    BOT_ACCESS_TOKEN: config.botAccessToken,
    BOT_ROOM_ID: config.botRoomId,
    BOT_LANGUAGE: config.botLanguage,
    REGISTRY_URL: registryUrl,
    REGISTRY_AUTHORIZATION: config.registryAuthorization,
    REGISTRY_TIMEOUT_MS: String(config.registryTimeoutMs),
    REGISTRY_DATABASE_URL: config.registryDatabaseUrl,
    HEARTBEAT_INTERVAL_SECONDS: String(config.heartbeatIntervalSeconds),
    GRACE_SECONDS: String(config.graceSeconds),
    OFFLINE_AFTER_SECONDS: String(config.offlineAfterSeconds),
  })
  const stop = new AbortController()
  let running: Promise<void> | null = null
  return {
    name: 'incident-bot',
    start: () => {
      // Loaded only when the bot runs: its Matrix client and `pg` (for the leader lock) cost a server without
      // a bot several MB of memory.
      running = import('./run-bot.ts').then(({ runIncidentBot }) =>
        runIncidentBot(bot, stop.signal, (line) => console.log(`incident-bot: ${line}`)),
      )
    },
    stop: async () => {
      stop.abort()
      await running
    },
  }
}
