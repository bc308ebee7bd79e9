import { defineProject } from 'vitest/config'

/**
 * The incident bot's integration tests: the bot as its own process against a real Synapse
 * (scripts/synapse.sh on SYNAPSE_PORT), a registry over HTTP and a throwaway PostgreSQL, on the real clock
 * with short thresholds. One file at a time: they share the homeserver.
 */
export default defineProject({
  test: {
    name: 'incidents',
    environment: 'node',
    include: ['test/incidents/**/*.test.ts'],
    globalSetup: ['./test/incidents/support/synapse-setup.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
