import type { BotConfig } from './bot-config.ts'
import { createIncidentBot } from './incident-bot.ts'
import { createPgAdvisoryLock } from './leader-lock.ts'
import { runAsLeader } from './leadership.ts'
import { createMatrixHttpRoom } from './matrix-http-room.ts'
import { createHttpRegistryReader } from './registry-reader.ts'

/**
 * The incident bot with its production adapters, watching while this process is the leader, until `signal`
 * aborts. A fresh bot each time leadership is won: it reads the room back, so nothing carries over.
 */
export function runIncidentBot(
  bot: BotConfig,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<void> {
  return runAsLeader({
    lock: bot.databaseUrl === null ? null : createPgAdvisoryLock(bot.databaseUrl),
    retryMs: bot.leaderRetryMs,
    signal,
    log,
    work: async (leading) => {
      const watcher = createIncidentBot({
        room: createMatrixHttpRoom({
          homeserverUrl: bot.homeserverUrl,
          accessToken: bot.accessToken,
          room: bot.room,
        }),
        registry: createHttpRegistryReader({
          baseUrl: bot.registryUrl,
          authorization: bot.registryAuthorization,
          timeoutMs: bot.registryTimeoutMs,
        }),
        now: () => Date.now(),
        log,
        config: bot,
      })
      await watcher.start()
      await watcher.run(leading)
    },
  })
}
