import { describe, expect, it } from 'vitest'
import { botFixture, poll } from './support/bot-fixture.ts'

describe('incident bot in a real room', () => {
  it('a node stops: exactly one message; it returns: the same message is edited to resolved', async () => {
    const { room, registry, bot } = await botFixture()
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
    const { room, registry, bot } = await botFixture()
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
