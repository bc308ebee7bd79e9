import { BotConfigError, readBotConfig } from './bot-config.ts'
import { createIncidentBot } from './incident-bot.ts'
import { createPgAdvisoryLock } from './leader-lock.ts'
import { runAsLeader } from './leadership.ts'
import { createMatrixHttpRoom } from './matrix-http-room.ts'
import { createHttpRegistryReader } from './registry-reader.ts'

/**
 * The incident bot on its own: `node server/src/incidents/main.ts`, configured by the environment (see
 * README, "Incident bot"). The console server starts the same pieces when BOT_* is configured.
 */
let config
try {
  config = readBotConfig(process.env)
} catch (e) {
  if (!(e instanceof BotConfigError)) throw e
  process.stderr.write(`${e.message}\n`)
  process.exit(2)
}
const log = (line: string) => process.stdout.write(`${new Date().toISOString()} incident-bot: ${line}\n`)
const stop = new AbortController()
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => stop.abort())

const bot = config
await runAsLeader({
  lock: bot.databaseUrl === null ? null : createPgAdvisoryLock(bot.databaseUrl),
  retryMs: bot.leaderRetryMs,
  signal: stop.signal,
  log,
  work: async (signal) => {
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
    await watcher.run(signal)
  },
})
log('stopped')
