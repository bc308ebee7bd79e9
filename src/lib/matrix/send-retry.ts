/**
 * When to try sending a message again (the SDK scheduler's retry algorithm). Returns the delay in ms,
 * or -1 to give up and mark the message failed (the user then sees retry and delete).
 *
 * - No connection: keep trying, forever, with a capped backoff. The scheduler sends one room's messages
 *   in order (FIFO) and the same transaction id on every attempt, so what is written offline goes out in
 *   order once the connection returns, with no duplicate (the server dedups by transaction id).
 * - 429: wait what the server asks.
 * - Any other answer from the server (4xx, 5xx): fail now and let the user decide.
 */
export function sendRetryDelayMs(err: unknown, attempts: number): number {
  const e = err as { name?: unknown; httpStatus?: unknown; data?: { retry_after_ms?: unknown } } | null
  if (e?.name === 'ConnectionError') return Math.min(500 * 2 ** attempts, 4000)
  if (e?.httpStatus === 429 && attempts <= 8) {
    const after = e.data?.retry_after_ms
    return typeof after === 'number' && after >= 0 ? after : 1000 * 2 ** Math.min(attempts, 5)
  }
  return -1
}
