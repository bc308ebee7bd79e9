import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES, type Maintenance, type ObservedNode } from './incident.ts'
import { acknowledge, observeFleet, presenceChanged, restoreIncidents, tick } from './incident-machine.ts'
import { initialIncidentState, type IncidentEffect, type IncidentModelState } from './incident-step.ts'

const rules = DEFAULT_RULES
const POLL = 7_500
const T0 = Date.UTC(2026, 10, 30, 12, 0, 0)

/** A simulated fleet on a fake clock: nodes beat every poll while alive, fall silent when stopped. */
function fleet(ids: string[], hubsOf: Record<string, string[]> = {}) {
  let now = T0
  let state: IncidentModelState = initialIncidentState()
  const lastBeat = new Map(ids.map((id) => [id, T0]))
  const silent = new Set<string>()
  const maintenance = new Map<string, Maintenance>()
  const log: IncidentEffect[] = []
  let wasUp = true
  const observe = (registryUp = true) => {
    // No beat gets in while the registry is down; the first poll after it sees the old beats.
    if (registryUp && wasUp) for (const id of ids) if (!silent.has(id)) lastBeat.set(id, now)
    wasUp = registryUp
    const nodes: ObservedNode[] = ids.map((id) => ({
      id,
      lastHeartbeat: lastBeat.get(id) ?? null,
      hubs: hubsOf[id] ?? [],
    }))
    const r = observeFleet(
      state,
      registryUp
        ? { kind: 'fleet', at: now, nodes }
        : { kind: 'registry-down', at: now, reason: 'ECONNREFUSED' },
      maintenance,
      rules,
    )
    state = r.state
    log.push(...r.effects)
    return r.effects
  }
  return {
    get state() {
      return state
    },
    set state(s: IncidentModelState) {
      state = s
    },
    log,
    maintenance,
    now: () => now,
    stop: (...n: string[]) => n.forEach((id) => silent.add(id)),
    start: (...n: string[]) => n.forEach((id) => silent.delete(id)),
    /** Polls every 7.5 s for `ms`, the registry up or down. */
    run(ms: number, registryUp = true) {
      const end = now + ms
      while (now < end) {
        now += POLL
        observe(registryUp)
      }
    },
    opened: () => log.filter((e) => e.kind === 'opened'),
    open: () => state.incidents.filter((i) => i.state !== 'resolved'),
    ack: (id: string, user: string) => {
      const r = acknowledge(state, id, user, now, rules)
      state = r.state
      log.push(...r.effects)
    },
    presence: (user: string, p: 'online' | 'offline') => {
      const r = presenceChanged(state, user, p, now, rules)
      state = r.state
      log.push(...r.effects)
    },
    tickFor(ms: number) {
      const end = now + ms
      while (now < end) {
        now += 1_000
        const r = tick(state, now, rules)
        state = r.state
        log.push(...r.effects)
      }
    },
  }
}

describe('incident model: one failure, one incident', () => {
  it('a node that stops opens one incident once offline, and its return resolves it with a duration', () => {
    const f = fleet(['a', 'b'])
    f.run(60_000)
    f.stop('a')
    f.run(110_000)
    expect(f.opened()).toHaveLength(0) // stale, not yet offline
    f.run(30_000)
    expect(f.opened()).toHaveLength(1)
    expect(f.opened()[0]?.incident).toMatchObject({
      kind: 'nodes',
      nodes: ['a'],
      since: T0 + 60_000 + 120_000,
    })
    f.run(60_000)
    expect(f.opened()).toHaveLength(1)
    f.start('a')
    f.run(POLL)
    const last = f.log.at(-1)
    expect(last?.kind).toBe('changed')
    expect(last?.incident).toMatchObject({ state: 'resolved', down: [] })
    expect(f.open()).toHaveLength(0)
  })

  it('nodes that go offline within 60 s of each other are one incident; later ones a new incident', () => {
    const f = fleet(['a', 'b', 'c', 'd'])
    f.run(30_000)
    f.stop('a')
    f.run(45_000)
    f.stop('b')
    f.run(200_000)
    expect(f.opened()).toHaveLength(1)
    expect(f.open()[0]?.nodes).toEqual(['a', 'b'])
    f.stop('c') // more than 60 s after b
    f.run(200_000)
    expect(f.opened()).toHaveLength(2)
    expect(f.open().map((i) => i.nodes)).toEqual([['a', 'b'], ['c']])
  })

  it('the registry unreachable is one incident naming the unknown nodes, and no node incident, even after', () => {
    const f = fleet(['a', 'b', 'c'])
    f.run(30_000)
    f.run(10 * 60_000, false)
    expect(f.opened()).toHaveLength(1)
    expect(f.opened()[0]?.incident).toMatchObject({
      kind: 'registry',
      unknownCount: 3,
      reason: 'ECONNREFUSED',
    })
    // Back: every beat is older than the offline threshold, as no node could beat during the outage.
    f.run(POLL)
    expect(f.open()).toHaveLength(0)
    f.run(5 * 60_000)
    expect(f.opened()).toHaveLength(1)
  })

  it('a hub down is one incident listing its down spokes as unreachable through it', () => {
    const f = fleet(['hub', 's1', 's2', 'x'], { s1: ['hub'], s2: ['hub'], x: ['hub'] })
    f.run(30_000)
    f.stop('hub', 's1', 's2')
    f.run(200_000)
    expect(f.opened()).toHaveLength(1)
    expect(f.open()[0]).toMatchObject({ kind: 'hub', hub: 'hub', nodes: ['hub'], through: ['s1', 's2'] })
  })

  it('a spoke that drops later than 60 s while its hub is down still joins the hub', () => {
    const f = fleet(['hub', 's1'], { s1: ['hub'] })
    f.run(30_000)
    f.stop('hub')
    f.run(300_000)
    f.stop('s1')
    f.run(200_000)
    expect(f.opened()).toHaveLength(1)
    expect(f.open()[0]?.through).toEqual(['s1'])
  })

  it('a node flipping 3 times in 10 min is one incident in the flapping state, not one message per flip', () => {
    const f = fleet(['a', 'b'])
    f.run(30_000)
    for (let k = 0; k < 3; k++) {
      f.stop('a')
      f.run(130_000)
      f.start('a')
      f.run(POLL)
    }
    expect(f.opened()).toHaveLength(1)
    expect(f.open()[0]).toMatchObject({ state: 'flapping', flapping: ['a'] })
    // Steady for a flap window: resolved.
    f.run(11 * 60_000)
    expect(f.open()).toHaveLength(0)
    expect(f.opened()).toHaveLength(1)
  })
})

describe('incident model: maintenance', () => {
  it('no incident while a node is in maintenance; one within a poll of its end when still down', () => {
    const f = fleet(['a'])
    f.run(30_000)
    f.maintenance.set('a', { until: f.now() + 10 * 60_000, reason: 'kernel update', setBy: '@alice:hs' })
    f.stop('a')
    f.run(10 * 60_000 - POLL)
    expect(f.opened()).toHaveLength(0)
    f.run(POLL)
    expect(f.opened()).toHaveLength(1)
    expect(f.opened()[0]?.incident.since).toBe(T0 + 30_000 + 10 * 60_000)
  })

  it('a node back before its maintenance ends never opens one', () => {
    const f = fleet(['a'])
    f.run(30_000)
    f.maintenance.set('a', { until: f.now() + 5 * 60_000, reason: '', setBy: null })
    f.stop('a')
    f.run(4 * 60_000)
    f.start('a')
    f.run(5 * 60_000)
    expect(f.opened()).toHaveLength(0)
  })
})

describe('incident model: acknowledgement and escalation', () => {
  it('unacknowledged for 10 minutes: one escalation', () => {
    const f = fleet(['a'])
    f.stop('a')
    f.run(130_000) // opened at the poll of 127.5 s
    f.tickFor(10 * 60_000 - 10_000)
    expect(f.log.filter((e) => e.kind === 'escalated')).toHaveLength(0)
    f.tickFor(5 * 60_000)
    const esc = f.log.filter((e) => e.kind === 'escalated')
    expect(esc).toHaveLength(1)
    expect(esc[0]).toMatchObject({ escalation: { reason: 'unacknowledged' } })
  })

  it('acknowledged: no escalation while the acknowledger is online; one 2 min after they go offline', () => {
    const f = fleet(['a'])
    f.stop('a')
    f.run(130_000)
    const id = f.open()[0]?.id ?? ''
    f.presence('@bob:hs', 'online')
    f.ack(id, '@bob:hs')
    expect(f.log.at(-1)).toMatchObject({ kind: 'changed', incident: { ack: { userId: '@bob:hs' } } })
    f.tickFor(20 * 60_000)
    expect(f.log.filter((e) => e.kind === 'escalated')).toHaveLength(0)
    f.presence('@bob:hs', 'offline')
    f.tickFor(119_000)
    expect(f.log.filter((e) => e.kind === 'escalated')).toHaveLength(0)
    f.tickFor(10 * 60_000)
    const esc = f.log.filter((e) => e.kind === 'escalated')
    expect(esc).toHaveLength(1)
    expect(esc[0]).toMatchObject({ escalation: { reason: 'acknowledger-offline', userId: '@bob:hs' } })
  })

  it('an acknowledger who goes offline after it was resolved causes nothing', () => {
    const f = fleet(['a'])
    f.stop('a')
    f.run(130_000)
    f.ack(f.open()[0]?.id ?? '', '@bob:hs')
    f.start('a')
    f.run(POLL)
    f.presence('@bob:hs', 'offline')
    f.tickFor(5 * 60_000)
    expect(f.log.filter((e) => e.kind === 'escalated')).toHaveLength(0)
  })
})

describe('incident model: the room is the record', () => {
  it('incidents restored after a restart are continued, not opened again', () => {
    const f = fleet(['a'])
    f.run(30_000)
    f.stop('a')
    f.run(200_000)
    const before = f.state.incidents
    // A fresh model that only knows what the room said.
    f.state = restoreIncidents(initialIncidentState(), before)
    const mark = f.log.length
    f.run(60_000)
    expect(f.log.slice(mark).filter((e) => e.kind === 'opened')).toHaveLength(0)
    f.start('a')
    f.run(POLL)
    expect(f.log.at(-1)).toMatchObject({
      kind: 'changed',
      incident: { id: before[0]?.id, state: 'resolved' },
    })
  })
})
