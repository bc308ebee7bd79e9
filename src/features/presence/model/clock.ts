/**
 * The time source of the presence model, injected so the same code runs against the browser's clock, Vitest's
 * fake timers and the benchmark's simulated hour.
 */
export interface Clock {
  now(): number
  /** Calls `fn` after `ms`; returns a cancel function. */
  after(ms: number, fn: () => void): () => void
}

/** The real clock (`Date.now` and `setTimeout`, so Playwright's `page.clock` and fake timers drive it). */
export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const id = setTimeout(fn, Math.max(0, ms))
    return () => {
      clearTimeout(id)
    }
  },
}
