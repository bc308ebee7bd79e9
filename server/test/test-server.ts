import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHttpRegistry, type HttpRegistry } from '../../mocks/registry/http-registry.ts'
import { ConfigSchema, type Config } from '../src/config/config.ts'
import { startServer, type ConsoleServer, type StartOptions } from '../src/server.ts'

/** A built app stand-in: an index.html with one inline script, and a hashed asset. */
export function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><script>document.documentElement.dataset.theme = 'x'</script>` +
      `<script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>`,
  )
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))})\n`)
  writeFileSync(join(dir, 'config.json'), '{}')
  return dir
}

export interface TestStack {
  server: ConsoleServer
  registry: HttpRegistry
  url: string
  close(): Promise<void>
}

/** The console server on a free port, in front of the HTTP registry simulator (and a database, if given). */
export async function startTestStack(
  overrides: Partial<Record<keyof Config, unknown>> = {},
  opts: StartOptions = {},
): Promise<TestStack> {
  const registry = await startHttpRegistry({ seed: 7, nodes: 12 })
  const config = ConfigSchema.parse({ port: 0, registryUrl: registry.url, distDir: fakeDist(), ...overrides })
  const server = await startServer(config, { hub: { pollMs: 100 }, ...opts })
  return {
    server,
    registry,
    url: server.url,
    async close() {
      await server.close()
      await registry.close()
    },
  }
}
