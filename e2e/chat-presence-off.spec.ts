import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { login, registerUser } from './support/matrix-api.ts'
import { synapsePort } from './support/synapse-state.ts'

// A Synapse of its own with presence disabled, beside the run's (one port up), started and stopped here.
test.describe.configure({ timeout: 180_000 })

const port = synapsePort() + 1
const baseUrl = `http://127.0.0.1:${port}`
const secret = 'node-console-test-secret'
const synapse = (cmd: 'start' | 'stop') =>
  execFileSync('bash', [join(process.cwd(), 'scripts/synapse.sh'), cmd], {
    stdio: 'inherit',
    env: { ...process.env, SYNAPSE_PORT: String(port), SYNAPSE_PRESENCE: 'off', SYNAPSE_SECRET: secret },
  })

test.beforeAll(() => synapse('start'))
test.afterAll(() => synapse('stop'))

test('with presence disabled on the homeserver, members show "presence unavailable", none offline', async ({
  browser,
}) => {
  const suffix = randomBytes(4).toString('hex')
  const alias = `ops-${suffix}`
  for (const name of ['alice', 'bob']) await registerUser(baseUrl, secret, `${name}-${suffix}`, 'pw-test')
  const alice = await login(baseUrl, `alice-${suffix}`, 'pw-test')
  const bob = await login(baseUrl, `bob-${suffix}`, 'pw-test')
  const { room_id } = await alice.createRoom('Ops', alias)
  await bob.join(room_id)

  const context = await browser.newContext({ locale: 'en-GB' })
  await context.addInitScript(() => window.localStorage.setItem('node-console.lang', 'en'))
  await context.route('**/config.json', (route) =>
    route.fulfill({ json: { homeserverUrl: baseUrl, chatRoom: `#${alias}:localhost` } }),
  )
  const page = await context.newPage()
  await page.goto('/chat')
  await page.getByLabel('User', { exact: true }).fill(`alice-${suffix}`)
  await page.getByLabel('Password', { exact: true }).fill('pw-test')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible({ timeout: 45_000 })

  await expect(page.getByTestId('online-count')).toHaveText('presence unavailable')
  await page.getByRole('button', { name: 'Members' }).click()
  const members = page.getByRole('list', { name: 'Members' })
  await expect(members.locator('[data-presence="unavailable"]')).toHaveCount(2)
  await expect(members.getByText('offline')).toHaveCount(0)
  await expect(members.locator('[data-presence="offline"]')).toHaveCount(0)
  await context.close()
})
