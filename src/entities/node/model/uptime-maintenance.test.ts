import { describe, expect, it } from 'vitest'
import { excludingMaintenance, uptimeFromBeats } from './uptime.ts'

const S = 1000
const MIN = 60 * S
const ONLINE = 45 * S
const T0 = Date.UTC(2026, 11, 1, 0, 0, 0)
const beats = (from: number, to: number) => {
  const out: number[] = []
  for (let t = from; t < to; t += 30 * S) out.push(T0 + t)
  return out
}
const win = (start: number, end: number) => ({ start: T0 + start, end: T0 + end })

describe('uptime with maintenance windows', () => {
  // An hour with a stop from the beat at 19:30 to the one at 40:00, and beats every 30 s otherwise.
  const hour = win(0, 60 * MIN)
  const stopped = uptimeFromBeats([...beats(0, 20 * MIN), ...beats(40 * MIN, 60 * MIN + 1)], hour, ONLINE)

  it('counts a stop inside maintenance as neither up nor down: 100 %', () => {
    expect(stopped.downMs).toBe(20.5 * MIN)
    const u = excludingMaintenance(stopped, hour, [win(15 * MIN, 45 * MIN)])
    expect(u.windowMs).toBe(30 * MIN)
    expect(u.downMs).toBe(0)
    expect(u.ratio).toBe(1)
    // The outage is still listed: it happened.
    expect(u.outages).toHaveLength(1)
  })

  it('counts the part of a stop outside maintenance as down', () => {
    // Maintenance from 19:00 ended at 30:00: the last 10 minutes of the stop count.
    const u = excludingMaintenance(stopped, hour, [win(19 * MIN, 30 * MIN)])
    expect(u.windowMs).toBe(49 * MIN)
    expect(u.downMs).toBe(10 * MIN)
    expect(u.ratio).toBeCloseTo(39 / 49, 6)
  })

  it('counts overlapping windows once and ignores windows outside the range', () => {
    const u = excludingMaintenance(stopped, hour, [
      win(19 * MIN, 35 * MIN),
      win(30 * MIN, 40 * MIN),
      win(-120 * MIN, -60 * MIN),
    ])
    expect(u.windowMs).toBe(39 * MIN)
    expect(u.ratio).toBe(1)
    expect(excludingMaintenance(stopped, hour, [win(-120 * MIN, -60 * MIN)])).toBe(stopped)
  })

  it('has no ratio when the whole range was maintenance', () => {
    expect(excludingMaintenance(stopped, hour, [win(-MIN, 61 * MIN)]).ratio).toBeNull()
  })
})
