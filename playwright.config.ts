import { defineConfig, devices } from '@playwright/test'

/**
 * E2E in Chromium. The browser is Debian's Chromium by default (Playwright cannot download its own here);
 * set PW_CHROMIUM_PATH to another binary, or to an empty string to use Playwright's bundled browser.
 * The app is served by `vite preview` on a built `dist/` (scripts/test-all.sh builds it first), or by the
 * dev server with E2E_DEV=1. E2E_PORT picks the port, so several runs can share a machine.
 */
const port = Number(process.env.E2E_PORT ?? 4180)
const executablePath = process.env.PW_CHROMIUM_PATH ?? '/usr/bin/chromium'
const dev = process.env.E2E_DEV === '1'

export default defineConfig({
  testDir: './e2e',
  // A local Synapse for the matrix specs (e2e/chat-*.spec.ts), and PostgreSQL, a registry stand-in and the
  // console server for e2e/server.spec.ts: each started only when its specs are in the run.
  globalSetup: ['./e2e/support/synapse-global-setup.ts', './e2e/support/server/server-global-setup.ts'],
  globalTeardown: './e2e/support/synapse-global-teardown.ts',
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: dev
      ? `npx vite --host 127.0.0.1 --port ${port} --strictPort`
      : `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
})
