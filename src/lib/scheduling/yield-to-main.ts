/**
 * Lets the browser handle input and paint before the caller goes on: background work (a fleet poll of
 * 10,000 nodes) cut into slices this way never holds a keystroke for more than one slice.
 *
 * `scheduler.yield()` where the browser has it (it resumes ahead of other queued tasks); elsewhere a message
 * on a fresh channel, which runs as a new task without going through timers, so fake clocks (Playwright's
 * `page.clock`, Vitest's fake timers) neither stall nor reorder it.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/**
 * A slicer for a long loop: call `maybeYield()` after each item; it yields once `sliceMs` have passed since
 * the last yield, and is otherwise a clock read.
 */
export function createSlicer(sliceMs = 8): { maybeYield: () => Promise<void> | null } {
  let since = performance.now()
  return {
    maybeYield() {
      if (performance.now() - since < sliceMs) return null
      return yieldToMain().then(() => {
        since = performance.now()
      })
    },
  }
}
