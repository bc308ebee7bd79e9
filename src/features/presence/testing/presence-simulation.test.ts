import { describe, expect, it } from 'vitest'
import { createManualClock } from './manual-clock.ts'
import { createRateLimitedServer, simulatePresenceHour } from './presence-simulation.ts'

describe('a simulated hour of presence', () => {
  it('meets the write budgets with no 429 (the earlier hook wrote 120 times an hour)', async () => {
    const active = await simulatePresenceHour('active')
    const idle = await simulatePresenceHour('idle')
    const tabswitch = await simulatePresenceHour('tabswitch')
    expect(active).toEqual({ writes: 0, rateLimited: 0 })
    expect(idle).toEqual({ writes: 1, rateLimited: 0 })
    // 30 hides and 29 returns: one write per switch, nothing in between.
    expect(tabswitch).toEqual({ writes: 59, rateLimited: 0 })
  })

  it('runs against a server that does refuse a second write within 10 s', async () => {
    const clock = createManualClock()
    const server = createRateLimitedServer(clock)
    const first = server.transport.write('unavailable', undefined, { keepAlive: false })
    const second = server.transport.write('online', undefined, { keepAlive: false }).then(
      () => null,
      (err: unknown) => err,
    )
    await clock.advance(100)
    await expect(first).resolves.toBeUndefined()
    await expect(second).resolves.toMatchObject({ failure: { kind: 'rate-limited', retryAfterMs: 10_000 } })
    expect(server.counts).toEqual({ writes: 2, rateLimited: 1 })
    expect(server.state()).toBe('unavailable')
  })
})
