import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { botFixture, poll } from './support/bot-fixture.ts'
import { startPostgres } from './support/postgres.ts'

let pg: ReturnType<typeof startPostgres>
beforeAll(() => {
  pg = startPostgres()
})
afterAll(() => {
  pg.stop()
})

describe('incident bot restarts and instances', () => {
  it('restarted mid-incident: no duplicate; the restarted bot resolves the same message', async () => {
    const { room, registry, bot } = await botFixture()
    const first = bot()
    await expect.poll(() => first.log(), poll).toContain('watching as')
    registry.stop('node-a')
    await expect.poll(async () => (await room.incidentMessages()).length, poll).toBe(1)
    await first.stop()
    const second = bot()
    await expect.poll(() => second.log(), poll).toContain('1 open incident(s) read back from the room')
    const since = registry.served()
    await expect.poll(() => registry.served() - since, poll).toBeGreaterThanOrEqual(4)
    expect(await room.incidentMessages()).toHaveLength(1)
    registry.start('node-a')
    await expect.poll(async () => (await room.incidents())[0]?.incident.state, poll).toBe('resolved')
    expect(await room.incidentMessages()).toHaveLength(1)
  })

  it('two servers: one message; the holder killed, the standby takes over within 30 s', async () => {
    const { room, registry, bot } = await botFixture()
    const env = { REGISTRY_DATABASE_URL: pg.url, BOT_LEADER_RETRY_SECONDS: '2' }
    const one = bot(env)
    await expect.poll(() => one.log(), poll).toContain('watching as')
    const two = bot(env)
    await expect.poll(() => two.log(), poll).toContain('standing by')
    registry.stop('node-a')
    await expect.poll(async () => (await room.incidentMessages()).length, poll).toBe(1)
    const since = registry.served()
    await expect.poll(() => registry.served() - since, poll).toBeGreaterThanOrEqual(4)
    expect(await room.incidentMessages()).toHaveLength(1)
    expect(two.log()).not.toContain('watching as')

    await one.stop('SIGKILL')
    const killedAt = Date.now()
    await expect.poll(() => two.log(), poll).toContain('1 open incident(s) read back from the room')
    expect(Date.now() - killedAt).toBeLessThan(30_000)
    registry.start('node-a')
    await expect.poll(async () => (await room.incidents())[0]?.incident.state, poll).toBe('resolved')
    expect(await room.incidentMessages()).toHaveLength(1)
  })
})
