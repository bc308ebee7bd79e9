import { afterEach, describe, expect, it } from 'vitest'
import { startBot } from './support/bot-process.ts'
import { freshRoom } from './support/matrix-room.ts'
import { startRegistryStandIn } from './support/registry-stand-in.ts'

const HS = `http://127.0.0.1:${process.env.SYNAPSE_PORT ?? '8448'}`
/** Short thresholds: online within 2 s of a beat, offline after 3 s, a poll a second. */
const FAST = {
  HEARTBEAT_INTERVAL_SECONDS: '1',
  GRACE_SECONDS: '1',
  OFFLINE_AFTER_SECONDS: '3',
  BOT_POLL_MS: '1000',
}
const poll = { timeout: 30_000, interval: 250 }

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function setup(nodes = ['node-a', 'node-b', 'node-c']) {
  const room = await freshRoom(HS)
  const registry = await startRegistryStandIn(nodes.map((id) => ({ id })))
  cleanups.push(registry.close)
  const bot = (extra: Record<string, string> = {}) => {
    const b = startBot(room.botEnv({ REGISTRY_URL: registry.url(), ...FAST, ...extra }))
    cleanups.push(() => b.stop())
    return b
  }
  return { room, registry, bot }
}

describe('incident bot in a real room', () => {
  it('a node stops: exactly one message; it returns: the same message is edited to resolved', async () => {
    const { room, registry, bot } = await setup()
    const b = bot()
    await expect.poll(() => b.log(), poll).toContain('watching as')
    registry.stop('node-a')
    await expect.poll(async () => (await room.incidentMessages()).length, poll).toBe(1)
    const [first] = await room.incidentMessages()
    expect(first?.content.msgtype).toBe('m.notice')
    expect(first?.content.body).toContain('Node offline: node-a')
    registry.start('node-a')
    await expect.poll(async () => (await room.incidents())[0]?.incident.state, poll).toBe('resolved')
    const [resolved] = await room.incidents()
    expect(resolved?.eventId).toBe(first?.event_id)
    expect(await room.incidentMessages()).toHaveLength(1)
  })

  it('the registry killed: one "registry unreachable" message and no node message, also after it returns', async () => {
    const { room, registry, bot } = await setup()
    const b = bot()
    await expect.poll(() => b.log(), poll).toContain('watching as')
    await registry.kill()
    const killedAt = Date.now()
    await expect.poll(async () => (await room.incidentMessages()).length, poll).toBe(1)
    const [only] = await room.incidents()
    expect(only?.incident).toMatchObject({ kind: 'registry', unknownCount: 3 })
    // Down for longer than the offline threshold (3 s): every node's last beat is old when it comes back.
    await expect.poll(() => Date.now() - killedAt, poll).toBeGreaterThan(4_000)
    await registry.revive()
    const back = registry.served()
    await expect.poll(async () => (await room.incidents())[0]?.incident.state, poll).toBe('resolved')
    // Six more polls: past the offline threshold and the nodes' first beats after the outage.
    await expect.poll(() => registry.served() - back, poll).toBeGreaterThanOrEqual(6)
    expect((await room.incidentMessages()).length).toBe(1)
    expect((await room.incidents()).map((r) => r.incident.kind)).toEqual(['registry'])
  })
})
