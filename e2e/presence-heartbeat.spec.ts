import type { Page } from '@playwright/test'
import { startGatewayStandIn } from './support/gateway-stand-in.ts'
import { expect, test, type MatrixUser } from './support/matrix-fixtures.ts'
import { startRecordingProxy } from './support/recording-proxy.ts'

// alice's presence, watched from bob's side (his member list and the presence API with his token), against a
// real Synapse with the contract's short presence timers. alice's clock is Playwright's (installed before
// the app loads), so "5 minutes without input" takes no time. Playwright keeps pages visible: hiding is
// simulated by overriding document.visibilityState and dispatching visibilitychange.

type Presence = 'online' | 'unavailable' | 'offline'
const uiLabel: Record<Presence, string> = { online: 'online', unavailable: 'away', offline: 'offline' }

/** Lets the test hide and show the page: `window.__e2eHidden` drives the Page Visibility API. */
function overrideVisibility() {
  const w = window as unknown as { __e2eHidden?: boolean }
  Object.defineProperty(Document.prototype, 'visibilityState', {
    configurable: true,
    get: () => (w.__e2eHidden ? 'hidden' : 'visible'),
  })
  Object.defineProperty(Document.prototype, 'hidden', {
    configurable: true,
    get: () => w.__e2eHidden === true,
  })
}

async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    ;(window as unknown as { __e2eHidden?: boolean }).__e2eHidden = h
    document.dispatchEvent(new Event('visibilitychange'))
  }, hidden)
}

/** alice's presence as bob's homeserver reports it (`GET /presence/{alice}/status` with bob's token). */
async function presenceSeenByBob(bob: MatrixUser, alice: MatrixUser): Promise<string> {
  const res = await bob.api.call<{ presence: string }>(
    'GET',
    `/presence/${encodeURIComponent(alice.userId)}/status`,
  )
  return res.presence
}

/** Both of bob's views agree: the presence API and alice's row in his member list. */
async function expectBobSees(bob: MatrixUser, alice: MatrixUser, state: Presence) {
  await expect
    .poll(() => presenceSeenByBob(bob, alice), { timeout: 45_000, intervals: [250, 500, 1_000] })
    .toBe(state)
  const row = bob.page
    .getByRole('list', { name: 'Members' })
    .getByRole('listitem')
    .filter({ hasText: alice.username })
  await expect(row).toHaveAttribute('data-presence', state === 'unavailable' ? 'away' : state, {
    timeout: 30_000,
  })
  await expect(row).toContainText(uiLabel[state])
}

/** Presence writes as witnessed on the wire (the request is the product here: count them). */
type Writes = () => string[]

async function journey(alice: MatrixUser, bob: MatrixUser, writes: Writes) {
  await alice.context.addInitScript(overrideVisibility)
  await alice.page.clock.install()
  await alice.page.goto('/chat')
  await alice.signIn()
  await bob.page.goto('/chat')
  await bob.signIn()
  await bob.page.getByRole('button', { name: 'Members' }).click()

  // Online after login: the sync says so; nothing to write.
  await expectBobSees(bob, alice, 'online')
  await expect(alice.page.getByTestId('own-presence')).toHaveText('online')
  expect(writes()).toEqual([])

  // Five minutes without input: away.
  await alice.page.clock.fastForward('05:01')
  await expectBobSees(bob, alice, 'unavailable')
  await expect(alice.page.getByTestId('own-presence')).toHaveText('away')

  // Input: online again (the next /sync already says so; the write follows 10 s after the last one).
  await alice.page.mouse.move(40, 40)
  await alice.page.mouse.move(80, 90)
  await expectBobSees(bob, alice, 'online')
  await expect.poll(writes, { timeout: 30_000 }).toEqual(['unavailable', 'online'])

  // The page hidden: offline (its syncs stop counting at once; the write follows the 10 s spacing).
  await setHidden(alice.page, true)
  await expectBobSees(bob, alice, 'offline')
  await expect(alice.page.getByTestId('own-presence')).toHaveText('offline')
  await expect.poll(writes, { timeout: 30_000 }).toEqual(['unavailable', 'online', 'offline'])
  // Visible again: online.
  await setHidden(alice.page, false)
  await expectBobSees(bob, alice, 'online')
  await expect.poll(writes, { timeout: 30_000 }).toEqual(['unavailable', 'online', 'offline', 'online'])

  // The tab closes (pagehide, then visibilitychange) within 10 s of its last write: Synapse allows one presence
  // PUT per 10 s per user and would refuse another with 429, so the app sends none and the server's own sync
  // timeout says offline. (A close after 10 s writes offline at once: presence-rate-limit-edges.test.ts.)
  await alice.page.close({ runBeforeUnload: true })
  await expect.poll(() => presenceSeenByBob(bob, alice), { timeout: 60_000 }).toBe('offline')
  await expectBobSees(bob, alice, 'offline')
  expect(writes()).toEqual(['unavailable', 'online', 'offline', 'online'])
}

/** Points alice's app at `homeserverUrl` (and the gateway when given); bob stays on Synapse itself. */
async function configureAlice(
  alice: MatrixUser,
  room: { alias: string },
  config: { homeserverUrl: string; presenceTransport?: 'gateway'; gatewayUrl?: string },
) {
  await alice.context.route('**/config.json', (route) =>
    route.fulfill({ json: { ...config, chatRoom: room.alias } }),
  )
}

test.describe('presence on a real homeserver', () => {
  test.describe.configure({ timeout: 240_000 })

  test('direct: online, away after 5 idle minutes, online on input, offline hidden or closed', async ({
    alice,
    bob,
    homeserver,
    room,
  }) => {
    const proxy = await startRecordingProxy(homeserver.baseUrl)
    try {
      await configureAlice(alice, room, { homeserverUrl: proxy.url })
      await journey(alice, bob, () => [...proxy.presenceWrites])
    } finally {
      await proxy.close()
    }
  })

  test('gateway: the same through the matrix-gateway endpoint', async ({ alice, bob, homeserver, room }) => {
    const proxy = await startRecordingProxy(homeserver.baseUrl)
    const gateway = await startGatewayStandIn(homeserver.baseUrl)
    try {
      await configureAlice(alice, room, {
        homeserverUrl: proxy.url,
        presenceTransport: 'gateway',
        gatewayUrl: gateway.url,
      })
      await journey(alice, bob, () => gateway.received.map((r) => r.status))
      expect(gateway.received.every((r) => r.matrix_user_id === alice.userId)).toBe(true)
      // Nothing went to the homeserver's presence API directly.
      expect(proxy.presenceWrites).toEqual([])
    } finally {
      await gateway.close()
      await proxy.close()
    }
  })
})
