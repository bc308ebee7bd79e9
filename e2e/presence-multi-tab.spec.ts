import { expect, test, type MatrixUser } from './support/matrix-fixtures.ts'
import { startRecordingProxy } from './support/recording-proxy.ts'

// alice in two tabs, watched by bob through the client-server API, against a real Synapse (one presence PUT per
// 10 s per user). Closing one tab must leave her online; closing the last one shows her offline within 10 s.

/** alice's presence as bob's homeserver reports it (`GET /presence/{alice}/status` with bob's token). */
async function presenceSeenByBob(bob: MatrixUser, alice: MatrixUser): Promise<string> {
  const res = await bob.api.call<{ presence: string }>(
    'GET',
    `/presence/${encodeURIComponent(alice.userId)}/status`,
  )
  return res.presence
}

/** Synapse's own timeout: a user whose syncs stop is offline 30 s after the last one, checked every 5 s. */
const SERVER_TIMEOUT_MS = 35_000

test.describe.configure({ timeout: 240_000 })

test('two tabs: closing one keeps alice online, closing the last shows her offline within 10 s', async ({
  alice,
  bob,
  homeserver,
  room,
}) => {
  const proxy = await startRecordingProxy(homeserver.baseUrl)
  try {
    await alice.context.route('**/config.json', (route) =>
      route.fulfill({ json: { homeserverUrl: proxy.url, chatRoom: room.alias } }),
    )
    await alice.page.goto('/chat')
    // Remembered on this device, so a second tab opens signed in, as a user's second tab does.
    await alice.page.getByLabel('Remember me on this device').check()
    await alice.signIn()
    const second = await alice.context.newPage()
    await second.goto('/chat')
    await expect(second.getByRole('status').filter({ hasText: 'Live' })).toBeVisible({ timeout: 45_000 })
    await expect
      .poll(() => presenceSeenByBob(bob, alice), { timeout: 45_000, intervals: [250, 500, 1_000] })
      .toBe('online')

    // The first tab closes: the other still holds her online, past the server's own timeout, with no offline
    // write on the wire.
    await alice.page.close({ runBeforeUnload: true })
    const closedAt = Date.now()
    await expect
      .poll(
        async () => {
          const presence = await presenceSeenByBob(bob, alice)
          if (presence !== 'online') return `went ${presence}`
          return Date.now() - closedAt > SERVER_TIMEOUT_MS ? 'held' : 'so far online'
        },
        { timeout: SERVER_TIMEOUT_MS + 20_000, intervals: [1_000] },
      )
      .toBe('held')
    expect(proxy.presenceWrites).not.toContain('offline')

    // The last tab closes: offline within 10 s (the README's bound), written once.
    await second.close({ runBeforeUnload: true })
    const lastClosedAt = Date.now()
    await expect
      .poll(() => presenceSeenByBob(bob, alice), { timeout: 10_000, intervals: [250] })
      .toBe('offline')
    expect(Date.now() - lastClosedAt).toBeLessThan(10_000)
    expect(proxy.presenceWrites.filter((w) => w === 'offline')).toEqual(['offline'])
  } finally {
    await proxy.close()
  }
})
