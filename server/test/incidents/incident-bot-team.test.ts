import { describe, expect, it } from 'vitest'
import {
  ACK_REACTION,
  MAINTENANCE_EVENT_TYPE,
} from '../../../src/entities/incident/model/incident-content.ts'
import { botFixture, onCleanup, poll } from './support/bot-fixture.ts'
import { openTab, react, setState } from './support/matrix-room.ts'

describe('incident bot and the team', () => {
  it('maintenance set in the room: no message when that node then stops; another node still opens one', async () => {
    const { room, registry, bot } = await botFixture()
    const b = bot()
    await expect.poll(() => b.log(), poll).toContain('watching as')
    await setState(room.alice, room.roomId, MAINTENANCE_EVENT_TYPE, 'node-a', {
      until: new Date(Date.now() + 10 * 60_000).toISOString(),
      reason: 'disk swap',
    })
    await expect.poll(() => b.log(), poll).toContain('maintenance of node-a: until')
    registry.stop('node-a')
    const stopped = registry.served()
    // Six polls: past the 3-second offline threshold.
    await expect.poll(() => registry.served() - stopped, poll).toBeGreaterThanOrEqual(6)
    expect(await room.incidentMessages()).toHaveLength(0)
    registry.stop('node-b')
    await expect.poll(async () => (await room.incidentMessages()).length, poll).toBe(1)
    expect((await room.incidents())[0]?.incident.nodes).toEqual(['node-b'])
  })

  it('bob reacts 👀: the message says bob is on it; bob goes offline: the thread reply mentions who is online', async () => {
    const { room, registry, bot } = await botFixture()
    const aliceTab = openTab(room.alice)
    const bobTab = openTab(room.bob)
    onCleanup(() => aliceTab.close())
    const b = bot({ BOT_ACKER_OFFLINE_SECONDS: '2' })
    await expect.poll(() => b.log(), poll).toContain('watching as')
    registry.stop('node-a')
    await expect.poll(async () => (await room.incidentMessages()).length, poll).toBe(1)
    const [message] = await room.incidentMessages()
    await react(room.bob, room.roomId, message?.event_id ?? '', ACK_REACTION)
    await expect
      .poll(async () => (await room.incidents())[0]?.incident.ack?.userId, poll)
      .toBe(room.bob.userId)
    const localpart = room.bob.userId.slice(1).split(':')[0] ?? ''
    const events = await room.events()
    const edit = events.find(
      (e) => 'm.new_content' in e.content && JSON.stringify(e.content).includes('is on it'),
    )
    expect(JSON.stringify(edit?.content['m.new_content'])).toContain(`${localpart} is on it.`)
    expect(await room.thread(message?.event_id ?? '')).toHaveLength(0)

    await bobTab.close()
    await expect.poll(async () => (await room.thread(message?.event_id ?? '')).length, poll).toBe(1)
    const [reply] = await room.thread(message?.event_id ?? '')
    expect(reply?.sender).toBe(room.bot.userId)
    expect(reply?.content['m.mentions']).toEqual({ user_ids: [room.alice.userId] })
    expect(String(reply?.content.body)).toContain(`${localpart}, who was on it, went offline.`)
    expect(String(reply?.content.body)).toContain(room.alice.userId)
  })
})
