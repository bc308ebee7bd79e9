/** After the first paint, when the browser has nothing else to do (or at the latest after this long). */
const IDLE_TIMEOUT_MS = 5_000

/**
 * Runs `warm` (download the chat's code and the Matrix SDK, prepare the client) once the dashboard has
 * painted and the browser is idle, so opening the chat does not wait for them; nothing of it counts
 * towards the first load.
 */
export function prefetchChatWhenIdle(warm: () => Promise<unknown>): () => void {
  let idle: number | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    warm().catch(() => undefined)
  }
  // Two frames: the first paint of the dashboard has happened before anything is queued.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function')
        idle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS })
      else run()
    }, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
    if (idle !== undefined) cancelIdleCallback(idle)
  }
}
