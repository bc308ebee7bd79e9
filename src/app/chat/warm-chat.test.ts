import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { HomeserverSim } from '@mocks/matrix/homeserver-sim.ts'
import { createMatrixHandlers } from '@mocks/matrix/matrix-handlers.ts'
import { RuntimeConfigSchema } from '@/lib/config/runtime-config.ts'
import { demoHomeserverUrl } from '@/lib/matrix/demo-homeserver.ts'
import { acquireMatrixClient, currentMatrixClient, hasRoomData } from '@/lib/matrix/matrix-client.ts'
import type { MatrixSession } from '@/lib/matrix/matrix-session.ts'
import { useMatrixSessionStore } from '@/lib/matrix/matrix-session-store.ts'
import { resetChatState, server } from '@/features/chat/test/chat-test-harness.tsx'
import { warmChat } from './warm-chat.ts'

const requests: string[] = []
const asked = (path: string) => requests.filter((p) => p.endsWith(path)).length

beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' })
  server.events.on('request:start', ({ request }) => requests.push(new URL(request.url).pathname))
})
beforeEach(() => {
  resetChatState()
  requests.length = 0
  server.resetHandlers(...createMatrixHandlers(new HomeserverSim({ historySize: 5 })))
})
afterEach(resetChatState)
afterAll(() => server.close())

/** A session on the simulated homeserver, configured as a real one (the demo's is never warmed). */
async function signedIn(): Promise<{ session: MatrixSession; config: ReturnType<typeof configFor> }> {
  const homeserverUrl = demoHomeserverUrl()
  const res = await fetch(`${homeserverUrl}/_matrix/client/v3/login`, {
    method: 'POST',
    body: JSON.stringify({
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user: 'alice' },
      password: 'demo',
    }),
  })
  const login = (await res.json()) as { user_id: string; access_token: string; device_id: string }
  const session = {
    homeserverUrl,
    userId: login.user_id,
    accessToken: login.access_token,
    deviceId: login.device_id,
  }
  useMatrixSessionStore.getState().sessionStarted(session, true)
  requests.length = 0
  return { session, config: configFor(homeserverUrl) }
}

const configFor = (homeserverUrl: string) => RuntimeConfigSchema.parse({ homeserverUrl })

describe('warmChat (the idle prefetch with a kept session)', { timeout: 30_000 }, () => {
  it('prepares the client without syncing, and opening the chat starts that client', async () => {
    const { session, config } = await signedIn()
    warmChat(config)
    await vi.waitFor(() => expect(asked('/versions')).toBe(1), { timeout: 20_000 })
    // No /sync: the server is not told the user is online before the chat opens.
    expect(asked('/sync')).toBe(0)

    const client = await acquireMatrixClient(session)
    await vi.waitFor(() => expect(hasRoomData(client)).toBe(true), { timeout: 20_000 })
    expect(currentMatrixClient()).toBe(client)
    // The versions asked during the warm-up served the start: asked once in all.
    expect(asked('/versions')).toBe(1)
    expect(asked('/sync')).toBeGreaterThan(0)
  })

  it('warms once however often the browser is idle', async () => {
    const { session, config } = await signedIn()
    warmChat(config)
    warmChat(config)
    const client = await acquireMatrixClient(session)
    warmChat(config)
    expect(currentMatrixClient()).toBe(client)
    expect(asked('/versions')).toBe(1)
  })
})
