import { describe, expect, it } from 'vitest'
import { incidentContent, incidentEditContent } from '@/entities/incident/model/incident-content.ts'
import type { Incident } from '@/entities/incident/model/incident.ts'
import type { RoomEvent } from '@/entities/incident/model/room-record.ts'
import { BOT, T0, createIncident as incident } from '../testing/incident-fixtures.ts'
import { parseRoomEvents, roomIncidents } from './room-incidents.ts'

const min = 60_000

let n = 0
const ev = (sender: string, at: number, content: Record<string, unknown>, type = 'm.room.message') =>
  ({ event_id: `$e${++n}`, type, sender, origin_server_ts: at, content }) as RoomEvent
const post = (i: Incident, at: number, sender = BOT) => ev(sender, at, { ...incidentContent(i, 'en') })
const edit = (i: Incident, of: RoomEvent, at: number, sender = BOT) =>
  ev(sender, at, incidentEditContent(i, 'en', of.event_id))
const react = (sender: string, of: RoomEvent, at: number, key = '👀') =>
  ev(sender, at, { 'm.relates_to': { rel_type: 'm.annotation', event_id: of.event_id, key } }, 'm.reaction')

describe('incidents read from the room', () => {
  it('shows each incident at its latest edit, with its story told by the edits', () => {
    const first = post(incident(), T0 + 5_000)
    const grown = incident({ nodes: ['node-a', 'node-b'], down: ['node-a', 'node-b'] })
    const done = incident({ ...grown, state: 'resolved', down: [], resolvedAt: T0 + 30 * min })
    const r = roomIncidents(
      [edit(done, first, T0 + 30 * min), first, edit(grown, first, T0 + min)],
      BOT,
      T0 + 40 * min,
    )
    expect(r.open).toEqual([])
    expect(r.resolved).toHaveLength(1)
    expect(r.resolved[0]?.incident.nodes).toEqual(['node-a', 'node-b'])
    expect(r.resolved[0]?.changes.map((c) => c.kind)).toEqual(['opened', 'joined', 'resolved'])
    expect(r.resolved[0]?.changes.at(-1)).toMatchObject({ kind: 'resolved', durationMs: 30 * min })
  })

  it("reads a teammate's 👀 as who is on it before the bot's edit says so, and ignores others' rewrites", () => {
    const first = post(incident(), T0)
    const forged = edit(incident({ state: 'resolved', resolvedAt: T0 + min }), first, T0 + min, '@mallory:hs')
    const r = roomIncidents(
      [
        first,
        forged,
        react('@bob:hs', first, T0 + 2 * min),
        react('@carol:hs', first, T0 + 3 * min, '👀\uFE0F'),
      ],
      BOT,
      T0 + 5 * min,
    )
    expect(r.open).toHaveLength(1)
    expect(r.open[0]?.ackers.map((a) => a.userId)).toEqual(['@bob:hs', '@carol:hs'])
    expect(r.open[0]?.ackers[0]?.reactionId).toMatch(/^\$e/)
  })

  it("falls back to the bot's record of the acknowledgement when the reaction is out of sight", () => {
    const first = post(incident({ ack: { userId: '@bob:hs', at: T0 + min } }), T0)
    expect(roomIncidents([first], BOT, T0).open[0]?.ackers).toEqual([
      { userId: '@bob:hs', at: T0 + min, reactionId: null },
    ])
  })

  it('keeps maintenance that lasts, drops an ended or expired one, and skips unreadable events', () => {
    const state = (node: string, content: Record<string, unknown>, at: number) => ({
      ...ev('@alice:hs', at, content, 'org.nodeconsole.maintenance'),
      state_key: node,
    })
    const events = parseRoomEvents([
      state('node-a', { until: T0 + 60 * min, reason: 'disk swap' }, T0),
      state('node-b', { until: new Date(T0 - min).toISOString(), reason: 'old' }, T0 - 2 * min),
      state('node-c', { until: T0 + 60 * min }, T0),
      state('node-c', {}, T0 + min),
      { nonsense: true },
    ])
    const r = roomIncidents(events, BOT, T0)
    expect([...r.maintenance.keys()]).toEqual(['node-a'])
    expect(r.maintenance.get('node-a')).toEqual({
      until: T0 + 60 * min,
      reason: 'disk swap',
      setBy: '@alice:hs',
      from: T0,
    })
  })
})
