import { describe, expect, it } from 'vitest'
import type { FleetObservation } from '../../../src/entities/incident/model/incident.ts'
import { DEFAULT_RULES } from '../../../src/entities/incident/model/incident.ts'
import { INCIDENT_KEY } from '../../../src/entities/incident/model/incident-content.ts'
import type { RoomEvent } from '../../../src/entities/incident/model/room-record.ts'
import { createIncidentBot } from '../../src/incidents/incident-bot.ts'
import type { MatrixRoomPort } from '../../src/incidents/matrix-room-port.ts'

const T0 = Date.UTC(2026, 10, 30, 12)
const BOT = '@bot:hs'

/** The bot on its ports alone: a room that records sends (and can fail), a scripted registry, a fake clock. */
function harness(history: RoomEvent[] = []) {
  let now = T0
  let failSends = 0
  const sent: { content: Record<string, unknown>; txnId: string; eventId: string }[] = []
  const room: MatrixRoomPort = {
    whoami: () => Promise.resolve(BOT),
    join: () => Promise.resolve('!room'),
    send: (content, txnId) => {
      if (failSends > 0) {
        failSends -= 1
        return Promise.reject(new Error('503'))
      }
      const eventId = `$${sent.length + 1}`
      sent.push({ content, txnId, eventId })
      return Promise.resolve(eventId)
    },
    history: () => Promise.resolve(history),
    sync: () => Promise.resolve({ next: 's1', timeline: [], state: [], presence: [] }),
    members: () => Promise.resolve([BOT]),
  }
  let lastBeat: number | null = T0
  const registry = {
    readFleet: (at: number): Promise<FleetObservation> =>
      Promise.resolve({ kind: 'fleet', at, nodes: [{ id: 'node-a', lastHeartbeat: lastBeat, hubs: [] }] }),
  }
  const bot = createIncidentBot({
    room,
    registry,
    now: () => now,
    log: () => undefined,
    config: { language: 'en', pollMs: 7_500, rules: DEFAULT_RULES, historyLimit: 100 },
  })
  return {
    bot,
    sent,
    failNextSends: (n: number) => (failSends = n),
    advance: (ms: number) => (now += ms),
    beat: () => (lastBeat = now),
  }
}

describe('incident bot on its ports', () => {
  it('a send that fails is retried on the next poll, as one message carrying the latest state', async () => {
    const h = harness()
    await h.bot.start()
    h.advance(121_000)
    h.failNextSends(1)
    await h.bot.poll()
    expect(h.sent).toHaveLength(0)
    h.advance(7_500)
    await h.bot.poll()
    expect(h.sent).toHaveLength(1)
    expect(h.sent[0]?.txnId).toMatch(/^incident-/)
    expect(h.sent[0]?.content[INCIDENT_KEY]).toMatchObject({ nodes: ['node-a'], state: 'open' })
  })

  it('an incident found in the room on start is continued: its resolution edits the old message', async () => {
    const first = harness()
    await first.bot.start()
    first.advance(121_000)
    await first.bot.poll()
    const [posted] = first.sent
    const history: RoomEvent[] = [
      {
        event_id: '$old',
        type: 'm.room.message',
        sender: BOT,
        origin_server_ts: T0,
        content: posted?.content ?? {},
      },
    ]
    const h = harness(history)
    await h.bot.start()
    h.advance(121_000)
    await h.bot.poll()
    expect(h.sent).toHaveLength(0)
    h.beat()
    h.advance(1_000)
    await h.bot.poll()
    expect(h.sent).toHaveLength(1)
    expect(h.sent[0]?.content['m.relates_to']).toEqual({ rel_type: 'm.replace', event_id: '$old' })
  })
})
