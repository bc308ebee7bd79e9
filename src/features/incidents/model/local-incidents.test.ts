import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES, type FleetObservation } from '@/entities/incident/model/incident.ts'
import { emptyLocalIncidents, localViews, observeLocally } from './local-incidents.ts'
import { splitByState } from './room-incidents.ts'

const T0 = Date.UTC(2026, 11, 1, 1, 0)
const OFF = DEFAULT_RULES.thresholds.offlineMs
const fleet = (at: number, beats: Record<string, number>): FleetObservation => ({
  kind: 'fleet',
  at,
  nodes: Object.entries(beats).map(([id, lastHeartbeat]) => ({ id, lastHeartbeat, hubs: [] })),
})

describe('incidents derived in the console without a bot', () => {
  it('opens one incident for nodes that drop together and resolves it when they are back', () => {
    let l = emptyLocalIncidents()
    l = observeLocally(l, fleet(T0, { a: T0, b: T0, c: T0 }), DEFAULT_RULES)
    expect(localViews(l)).toEqual([])
    // a and b fall silent 20 s apart; c keeps beating.
    const t1 = T0 + OFF + 30_000
    l = observeLocally(l, fleet(t1, { a: T0, b: T0 + 20_000, c: t1 }), DEFAULT_RULES)
    const open = splitByState(localViews(l), new Map()).open
    expect(open).toHaveLength(1)
    expect(open[0]?.incident.nodes).toEqual(['a', 'b'])
    expect(open[0]).toMatchObject({ eventId: null, ackers: [] })
    const t2 = t1 + 60_000
    l = observeLocally(l, fleet(t2, { a: t2, b: t2, c: t2 }), DEFAULT_RULES)
    const r = splitByState(localViews(l), new Map())
    expect(r.open).toEqual([])
    expect(r.resolved[0]?.changes.map((c) => c.kind)).toEqual(['opened', 'resolved'])
  })

  it('opens nothing for a node under maintenance, and the registry down is one incident', () => {
    let l = emptyLocalIncidents()
    const t1 = T0 + OFF + 30_000
    const maintenance = new Map([['a', { until: t1 + 3_600_000, reason: 'disk', setBy: null }]])
    l = observeLocally(l, fleet(t1, { a: T0 }), DEFAULT_RULES, maintenance)
    expect(localViews(l)).toEqual([])
    l = observeLocally(l, { kind: 'registry-down', at: t1 + 1000, reason: 'timeout' }, DEFAULT_RULES)
    expect(localViews(l).map((v) => v.incident.kind)).toEqual(['registry'])
  })
})
