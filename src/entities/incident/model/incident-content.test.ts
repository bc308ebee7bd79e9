import { describe, expect, it } from 'vitest'
import type { Incident } from './incident.ts'
import {
  escalationContent,
  fromBlock,
  INCIDENT_KEY,
  incidentContent,
  incidentEditContent,
  toBlock,
} from './incident-content.ts'
import { incidentText } from './incident-text.ts'
import { ackOf, maintenanceOf, readIncidents, type RoomEvent } from './room-record.ts'

const T = Date.UTC(2026, 10, 30, 12, 3, 0)
const base: Incident = {
  id: 'nodes-1-a',
  kind: 'nodes',
  state: 'open',
  hub: null,
  nodes: ['node-a', 'node-b'],
  through: [],
  down: ['node-a', 'node-b'],
  flapping: [],
  unknownCount: 0,
  reason: null,
  since: T,
  openedAt: T,
  lastDownAt: T,
  resolvedAt: null,
  ack: null,
  escalations: [],
}

const BOT = '@bot:hs'
let seq = 0
const ev = (content: Record<string, unknown>, over: Partial<RoomEvent> = {}): RoomEvent => ({
  event_id: `$${++seq}`,
  type: 'm.room.message',
  sender: BOT,
  origin_server_ts: T + seq,
  content,
  ...over,
})

describe('incident text', () => {
  it('names the nodes, the time and who is on it, in English and Ukrainian', () => {
    expect(incidentText(base, 'en')).toBe(
      '🔴 2 nodes offline: node-a, node-b (since 12:03 UTC)\nNobody has acknowledged it yet: react 👀 to take it.',
    )
    const acked = { ...base, ack: { userId: '@bob:hs', at: T } }
    expect(incidentText(acked, 'en')).toContain('bob is on it.')
    expect(incidentText(acked, 'uk')).toContain('bob займається цим.')
    expect(incidentText(base, 'uk')).toContain('Вузлів: 2, офлайн: node-a, node-b (з 12:03 UTC)')
  })

  it('says how long a resolved incident lasted, and names a hub and the registry', () => {
    const done = { ...base, state: 'resolved' as const, down: [], resolvedAt: T + 4 * 60_000 + 12_000 }
    expect(incidentText(done, 'en')).toContain('✅')
    expect(incidentText(done, 'en')).toContain('Resolved after 4 min 12 s.')
    expect(incidentText(done, 'uk')).toContain('Вирішено через 4 хв 12 с.')
    const hub = { ...base, kind: 'hub' as const, hub: 'gw', nodes: ['gw'], through: ['s1', 's2'] }
    expect(incidentText(hub, 'en')).toContain('Hub gw is down; 2 nodes unreachable through it: s1, s2')
    const reg = {
      ...base,
      kind: 'registry' as const,
      nodes: [],
      down: [],
      unknownCount: 12,
      reason: 'timeout',
    }
    expect(incidentText(reg, 'en')).toContain('Registry unreachable, 12 nodes unknown')
  })
})

describe('incident content', () => {
  it('carries a machine-readable block that reads back to the same incident', () => {
    const c = incidentContent(base, 'en')
    expect(c.msgtype).toBe('m.notice')
    expect(c[INCIDENT_KEY]).toMatchObject({
      id: 'nodes-1-a',
      nodes: ['node-a', 'node-b'],
      state: 'open',
      since: T,
    })
    expect(fromBlock(toBlock(base))).toEqual(base)
    expect(fromBlock({ ...toBlock(base), v: 2 })).toBeNull()
  })

  it('an edit replaces the message and carries the new block', () => {
    const c = incidentEditContent({ ...base, state: 'resolved' }, 'en', '$orig')
    expect(c['m.relates_to']).toEqual({ rel_type: 'm.replace', event_id: '$orig' })
    expect(c['m.new_content'][INCIDENT_KEY].state).toBe('resolved')
    expect(c.body.startsWith('* ')).toBe(true)
  })

  it('an escalation replies in the thread and mentions who is online', () => {
    const c = escalationContent(
      base,
      { reason: 'unacknowledged', at: T + 600_000, userId: null },
      ['@alice:hs'],
      'en',
      '$orig',
    )
    expect(c['m.relates_to']).toMatchObject({ rel_type: 'm.thread', event_id: '$orig' })
    expect(c['m.mentions']).toEqual({ user_ids: ['@alice:hs'] })
    expect(c.body).toContain('Nobody has acknowledged this incident for 10 min. Online now: @alice:hs')
  })
})

describe('reading the room back', () => {
  it('takes each incident at its latest edit by the bot, ignoring others and unreadable events', () => {
    const first = ev(incidentContent(base, 'en') as unknown as Record<string, unknown>)
    const acked = { ...base, ack: { userId: '@bob:hs', at: T + 5 } }
    const edit = ev(incidentEditContent(acked, 'en', first.event_id))
    const forged = ev(incidentEditContent({ ...base, state: 'resolved' }, 'en', first.event_id), {
      sender: '@mallory:hs',
    })
    const junk = ev({ [INCIDENT_KEY]: { id: 1 } })
    const got = readIncidents([edit, forged, junk, first], BOT)
    expect([...got.keys()]).toEqual(['nodes-1-a'])
    expect(got.get('nodes-1-a')).toMatchObject({
      eventId: first.event_id,
      incident: { ack: { userId: '@bob:hs' } },
    })
  })

  it('reads 👀 reactions by people and maintenance state events', () => {
    const r = ev(
      { 'm.relates_to': { rel_type: 'm.annotation', event_id: '$orig', key: '👀️' } },
      { type: 'm.reaction', sender: '@bob:hs' },
    )
    expect(ackOf(r, BOT)).toEqual({ eventId: '$orig', userId: '@bob:hs', at: r.origin_server_ts })
    expect(ackOf({ ...r, sender: BOT }, BOT)).toBeNull()
    const m = ev(
      { until: '2026-11-30T13:00:00Z', reason: 'disk swap' },
      { type: 'org.nodeconsole.maintenance', state_key: 'node-a', sender: '@alice:hs' },
    )
    expect(maintenanceOf(m, 'org.nodeconsole.maintenance')).toEqual({
      nodeId: 'node-a',
      maintenance: { until: Date.UTC(2026, 10, 30, 13), reason: 'disk swap', setBy: '@alice:hs' },
    })
    expect(maintenanceOf({ ...m, content: {} }, 'org.nodeconsole.maintenance')).toEqual({
      nodeId: 'node-a',
      maintenance: null,
    })
  })
})
