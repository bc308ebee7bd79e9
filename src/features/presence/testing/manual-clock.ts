import type { Clock } from '../model/clock.ts'

/**
 * A clock that only moves when told to: `advance(ms)` runs every timer that falls due, in order, with
 * `now()` set to each timer's due time, and lets pending promise callbacks run between timers (a write's
 * answer arrives as a promise). Used by the simulation and the unit tests.
 */
export interface ManualClock extends Clock {
  advance(ms: number): Promise<void>
}

/** Lets every queued promise callback run (one macrotask turn of the real event loop). */
const settle = () =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, 0)
  })

export function createManualClock(start = 0): ManualClock {
  let now = start
  let seq = 0
  const timers = new Map<number, { at: number; fn: () => void }>()

  const nextDue = (until: number) => {
    let best: { id: number; at: number; fn: () => void } | undefined
    for (const [id, t] of timers) {
      // Map iteration follows insertion order, so equal times keep their scheduling order.
      if (t.at <= until && (!best || t.at < best.at)) best = { id, ...t }
    }
    return best
  }

  return {
    now: () => now,
    after(ms, fn) {
      const id = ++seq
      timers.set(id, { at: now + Math.max(0, ms), fn })
      return () => {
        timers.delete(id)
      }
    },
    async advance(ms) {
      const until = now + ms
      await settle()
      for (let t = nextDue(until); t; t = nextDue(until)) {
        timers.delete(t.id)
        now = Math.max(now, t.at)
        t.fn()
        await settle()
      }
      now = Math.max(now, until)
    },
  }
}
