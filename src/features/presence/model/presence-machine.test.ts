import { describe, expect, it } from 'vitest'
import {
  activityAllowed,
  initialPresence,
  presenceReducer,
  type PresenceInput,
  type PresenceMachineState,
} from './presence-machine.ts'

const config = { idleMs: 5 * 60_000 }
const run = (s: PresenceMachineState, ...inputs: PresenceInput[]) =>
  inputs.reduce((acc, i) => presenceReducer(acc, i, config), s)

describe('presence machine', () => {
  it('starts online when visible, offline when loaded in a background tab', () => {
    expect(initialPresence(0, true, config)).toMatchObject({ state: 'online', deadline: 300_000 })
    expect(initialPresence(0, false, config)).toMatchObject({ state: 'offline', deadline: null })
  })

  it('goes unavailable 5 minutes after the last input, not before', () => {
    const s = run(initialPresence(0, true, config), { type: 'activity', at: 60_000 })
    expect(s.deadline).toBe(360_000)
    expect(run(s, { type: 'tick', at: 359_999 }).state).toBe('online')
    expect(run(s, { type: 'tick', at: 360_000 })).toMatchObject({ state: 'unavailable', deadline: null })
  })

  it('judges idleness by the clock when a throttled timer fires late', () => {
    const s = initialPresence(0, true, config)
    // The timer was due at 5 min and fired at 17 min: unavailable, and nothing else pending.
    expect(run(s, { type: 'tick', at: 17 * 60_000 })).toMatchObject({ state: 'unavailable', deadline: null })
    // A timer that fires early (input moved the deadline) finds the tab still online.
    const moved = run(s, { type: 'activity', at: 200_000 }, { type: 'tick', at: 300_000 })
    expect(moved).toMatchObject({ state: 'online', deadline: 500_000 })
  })

  it('comes back online on input or on becoming visible', () => {
    const idle = run(initialPresence(0, true, config), { type: 'tick', at: 400_000 })
    expect(run(idle, { type: 'activity', at: 401_000 }).state).toBe('online')
    const hidden = run(idle, { type: 'hidden', at: 402_000 })
    expect(hidden).toMatchObject({ state: 'offline', deadline: null })
    expect(run(hidden, { type: 'activity', at: 403_000 }).state).toBe('offline')
    expect(run(hidden, { type: 'visible', at: 404_000 })).toMatchObject({
      state: 'online',
      deadline: 704_000,
    })
  })

  it('goes offline on pagehide and online again when restored from the back/forward cache', () => {
    const gone = run(initialPresence(0, true, config), { type: 'pagehide', at: 1_000 })
    expect(gone.state).toBe('offline')
    expect(run(gone, { type: 'pageshow', at: 2_000, persisted: false }).state).toBe('online')
    const restored = run(
      gone,
      { type: 'hidden', at: 1_500 },
      { type: 'pageshow', at: 900_000, persisted: true },
    )
    expect(restored).toMatchObject({ state: 'online', lastInputAt: 900_000 })
  })

  it('keeps a hidden page in its state for the grace, then offline; a quick return changes nothing', () => {
    const graced = { idleMs: 300_000, hideGraceMs: 10_000 }
    const go = (s: PresenceMachineState, ...inputs: PresenceInput[]) =>
      inputs.reduce((acc, i) => presenceReducer(acc, i, graced), s)
    const hidden = go(initialPresence(0, true, graced), { type: 'hidden', at: 60_000 })
    expect(hidden).toMatchObject({ state: 'online', deadline: 70_000 })
    // A second hidden event does not restart the grace.
    expect(go(hidden, { type: 'hidden', at: 65_000 }).deadline).toBe(70_000)
    expect(go(hidden, { type: 'tick', at: 69_999 }).state).toBe('online')
    expect(go(hidden, { type: 'tick', at: 70_000 })).toMatchObject({ state: 'offline', deadline: null })
    expect(go(hidden, { type: 'visible', at: 63_000 })).toMatchObject({ state: 'online', hiddenAt: null })
    // Closing is offline at once, grace or not; a page loaded hidden has no grace.
    expect(go(hidden, { type: 'pagehide', at: 61_000 }).state).toBe('offline')
    expect(initialPresence(0, false, graced).state).toBe('offline')
  })

  it('appears away while the user chooses so, whatever they do', () => {
    const away = run(initialPresence(0, true, config), { type: 'userChoseAway', at: 1_000 })
    expect(away).toMatchObject({ state: 'unavailable', deadline: null })
    expect(run(away, { type: 'activity', at: 2_000 }).state).toBe('unavailable')
    expect(run(away, { type: 'hidden', at: 2_000 }).state).toBe('offline')
    expect(run(away, { type: 'userChoseAuto', at: 3_000 }).state).toBe('online')
  })

  it('takes another tab’s choice without counting it as input here', () => {
    const idle = run(initialPresence(0, true, config), { type: 'tick', at: 400_000 })
    const auto = run(idle, { type: 'remoteChoice', at: 401_000, away: false })
    expect(auto).toMatchObject({ state: 'unavailable', lastInputAt: 0 })
    expect(run(initialPresence(0, true, config), { type: 'remoteChoice', at: 1, away: true }).state).toBe(
      'unavailable',
    )
  })

  it('never moves backwards in time', () => {
    const s = run(initialPresence(10_000, true, config), { type: 'activity', at: 5_000 })
    expect(s.lastInputAt).toBe(10_000)
  })

  it('allows typing notices and read receipts only while online', () => {
    const s = initialPresence(0, true, config)
    expect(activityAllowed(s)).toBe(true)
    expect(activityAllowed(run(s, { type: 'tick', at: 300_000 }))).toBe(false)
    expect(activityAllowed(run(s, { type: 'hidden', at: 1 }))).toBe(false)
    expect(activityAllowed(run(s, { type: 'userChoseAway', at: 1 }))).toBe(false)
  })
})
