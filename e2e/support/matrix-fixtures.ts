import { randomBytes } from 'node:crypto'
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { login, registerUser, type MatrixApi } from './matrix-api.ts'
import { readSynapseState } from './synapse-state.ts'

/** A test user: credentials, an API helper (seeding, checks) and their own browser context and page. */
export interface MatrixUser {
  username: string
  password: string
  userId: string
  api: MatrixApi
  context: BrowserContext
  page: Page
  /** Fills the app's login form and waits for the live timeline. */
  signIn: () => Promise<void>
}

interface MatrixFixtures {
  homeserver: { baseUrl: string; serverName: string }
  /** A fresh room for the test (alias `#ops-<random>:localhost`), created by alice, joined by bob. */
  room: { roomId: string; alias: string }
  alice: MatrixUser
  bob: MatrixUser
}

const suffix = () => randomBytes(4).toString('hex')

/**
 * Points the SAME app build at the local Synapse: `/config.json` is answered by the test, so one build
 * serves every environment.
 */
async function pointAppAt(context: BrowserContext, homeserverUrl: string, chatRoom: string) {
  await context.route('**/config.json', (route) => route.fulfill({ json: { homeserverUrl, chatRoom } }))
}

async function makeUser(
  browser: import('@playwright/test').Browser,
  hs: { baseUrl: string },
  secret: string,
  name: string,
  chatRoom: string,
): Promise<MatrixUser> {
  const username = `${name}-${suffix()}`
  const password = `pw-${suffix()}`
  await registerUser(hs.baseUrl, secret, username, password)
  const api = await login(hs.baseUrl, username, password)
  const context = await browser.newContext({ locale: 'en-GB' })
  await context.addInitScript(() => {
    window.localStorage.setItem('node-console.lang', 'en')
  })
  await pointAppAt(context, hs.baseUrl, chatRoom)
  const page = await context.newPage()
  const signIn = async () => {
    await page.getByLabel('User', { exact: true }).fill(username)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    // First sign-in: the SDK chunk loads and the initial sync runs (slow on a busy 2-core CI box).
    await expect(page.getByRole('log', { name: 'Messages' })).toBeVisible({ timeout: 45_000 })
    await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible({ timeout: 30_000 })
  }
  return { username, password, userId: api.userId, api, context, page, signIn }
}

export const test = base.extend<MatrixFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form for fixtures
  homeserver: async ({}, use) => {
    const s = readSynapseState()
    await use({ baseUrl: s.baseUrl, serverName: s.serverName })
  },
  room: async ({ homeserver }, use) => {
    // Created lazily by alice below; this fixture only fixes the alias the app is pointed at.
    const alias = `ops-${suffix()}`
    await use({ roomId: '', alias: `#${alias}:${homeserver.serverName}` })
  },
  alice: async ({ browser, homeserver, room }, use) => {
    const s = readSynapseState()
    const user = await makeUser(browser, homeserver, s.registrationSecret, 'alice', room.alias)
    const created = await user.api.createRoom('Ops', room.alias.slice(1).split(':')[0] ?? 'ops')
    room.roomId = created.room_id
    await use(user)
    await user.context.close()
  },
  // Depends on alice: her fixture creates the room bob joins.
  bob: async ({ browser, homeserver, room, alice }, use) => {
    const s = readSynapseState()
    const user = await makeUser(browser, homeserver, s.registrationSecret, 'bob', room.alias)
    await user.api.join(room.roomId)
    // Bob is in alice's room before either page opens.
    expect(alice.userId).not.toBe(user.userId)
    await use(user)
    await user.context.close()
  },
})

export { expect }
