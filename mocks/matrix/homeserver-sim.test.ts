import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { setupServer } from 'msw/node'
import { HomeserverSim, userId } from './homeserver-sim.ts'
import { createMatrixHandlers } from './matrix-handlers.ts'

const base = 'http://localhost:3000/demo-matrix'
let sim = new HomeserverSim()
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('demo homeserver with matrix-js-sdk', () => {
  it('logs in, syncs the seeded room, sends idempotently and back-paginates', async () => {
    sim = new HomeserverSim({ historySize: 120 })
    server.use(...createMatrixHandlers(sim))
    const sdk = await import('matrix-js-sdk')
    const login = sim.login('alice', 'demo')
    sim.join(login.user_id)
    const client = sdk.createClient({
      baseUrl: base,
      accessToken: login.access_token,
      userId: login.user_id,
      deviceId: login.device_id,
    })
    const prepared = new Promise<void>((resolve) => {
      client.on(sdk.ClientEvent.Sync, (s) => {
        if (s === sdk.SyncState.Prepared) resolve()
      })
    })
    await client.startClient({
      initialSyncLimit: 20,
      lazyLoadMembers: true,
      pendingEventOrdering: sdk.PendingEventOrdering.Detached,
    })
    await prepared
    const room = client.getRoom(sim.roomId)
    expect(room).not.toBeNull()
    if (!room) return
    expect(room.getLiveTimeline().getEvents().length).toBeGreaterThan(0)
    await client.sendTextMessage(sim.roomId, 'hello')
    expect(sim.events.filter((e) => e.content.body === 'hello')).toHaveLength(1)
    while (room.getLiveTimeline().getPaginationToken(sdk.Direction.Backward) !== null)
      await client.scrollback(room, 50)
    const bodies = room
      .getLiveTimeline()
      .getEvents()
      .map((e) => e.getContent().body as unknown)
    expect(bodies).toContain('Початок історії кімнати')
    sim.post('olena', 'live one')
    await expect
      .poll(() => room.getLiveTimeline().getEvents().at(-1)?.getContent().body as unknown)
      .toBe('live one')
    expect(client.getUser(userId('olena'))?.presence).toBe('online')
    client.stopClient()
  })
})
