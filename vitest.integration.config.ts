import { defineConfig } from 'vitest/config'

// The incident bot against a real Synapse (scripts/synapse.sh), a registry over HTTP and PostgreSQL, on the
// real clock with short thresholds: one file at a time, as they share the homeserver.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['server/test/**/*.integration.test.ts'],
    globalSetup: ['./server/test/support/synapse-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
