import { mergeConfig, defineConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      restoreMocks: true,
      testTimeout: 15_000,
      projects: [
        {
          extends: true,
          test: {
            name: 'app',
            environment: 'jsdom',
            include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
            setupFiles: ['./src/testing/setup.ts'],
            pool: 'threads',
          },
        },
        // The console server, against a throwaway PostgreSQL (server/vitest.config.ts).
        './server/vitest.config.ts',
        // The incident bot, against a real Synapse (server/vitest.incidents.config.ts).
        './server/vitest.incidents.config.ts',
      ],
    },
  }),
)
