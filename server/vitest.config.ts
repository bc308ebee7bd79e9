import { fileURLToPath, URL } from 'node:url'
import { defineProject } from 'vitest/config'

/** The console server's tests: Node, against a real PostgreSQL that the global set-up starts and stops. */
export default defineProject({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('../src', import.meta.url)),
      '@mocks': fileURLToPath(new URL('../mocks', import.meta.url)),
    },
  },
  test: {
    name: 'server',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // The incident bot's tests need a homeserver: their own project (vitest.incidents.config.ts).
    exclude: ['test/incidents/**'],
    globalSetup: ['./test/global-setup.ts'],
    // One PostgreSQL for all files; the fault tests lock tables, so files run one after another.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 15_000,
    hookTimeout: 60_000,
  },
})
