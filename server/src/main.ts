import { ConfigError, loadConfig } from './config/config.ts'
import { startServer } from './server.ts'

/**
 * `npm run serve`: the configuration from the environment (and `CONSOLE_CONFIG`), then the server. Without
 * a registry configured, the demo fleet's simulator is served over HTTP in this process and proxied like a
 * real registry, so every route, the cache included, runs on demo data.
 */
async function main() {
  let config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message)
      process.exit(2)
    }
    throw e
  }
  let demo: { url: string; close(): Promise<void> } | null = null
  if (!config.registryUrl) {
    const { startHttpRegistry } = await import('../../mocks/registry/http-registry.ts')
    demo = await startHttpRegistry({ seed: config.demoSeed, nodes: config.demoNodes })
  }
  const server = await startServer(config, {
    registryUrl: demo?.url,
    logger: process.env.LOG_REQUESTS === '1',
  })
  console.log(`Node Console on ${server.url}${demo ? ' (demo fleet: no REGISTRY_URL configured)' : ''}`)
  if (!server.sql)
    console.log(
      'No REGISTRY_DATABASE_URL: history is relayed from the registry, and there is no live stream.',
    )

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    console.log(`${signal}: closing`)
    void server
      .close()
      .then(() => demo?.close())
      .then(() => process.exit(0))
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

await main()
