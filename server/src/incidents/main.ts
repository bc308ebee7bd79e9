import { BotConfigError, readBotConfig, type BotConfig } from './bot-config.ts'
import { runIncidentBot } from './run-bot.ts'

/**
 * The incident bot on its own: `npm run bot`, configured by the environment (README, "Incident bot"). The
 * console server runs the same when BOT_* is configured (bot-job.ts).
 */
let config: BotConfig
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
await runIncidentBot(config, stop.signal, log)
log('stopped')
