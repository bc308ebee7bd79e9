import { describe, expect, it } from 'vitest'
import { createManualClock } from '../testing/manual-clock.ts'
import { createMemoryChannelHub } from '../testing/memory-channel.ts'
import { createPresenceController, type PresenceController } from './presence-controller.ts'
import { createRateLimitedServer } from '../testing/presence-simulation.ts'

// The edges of Synapse's default `rc_presence` (one PUT per 10 s per user, then 429), as seen by another
// user: what the fake server holds is what they are shown. Syncs are not modelled here: a /sync can make
// the user online but never offline (`set_presence=offline` leaves presence as it is).

function session(tabs = 1) {
  const clock = createManualClock(Date.UTC(2026, 0, 1, 9))
  const server = createRateLimitedServer(clock)
  // BroadcastChannel crosses processes: a message takes a few milliseconds.
  const hub = createMemoryChannelHub(clock, 20)
  const open: PresenceController[] = []
  for (let i = 0; i < tabs; i++)
    open.push(
      createPresenceController({
        clock,
        transport: server.transport,
        channel: hub.open(),
        idleMs: 300_000,
        visible: true,
        tabId: `tab-${i}`,
        settleMs: 0,
      }),
    )
  const tab = (i: number) => {
    const t = open[i]
    if (!t) throw new Error(`no tab ${i}`)
    return t
  }
  const input = (i: number, type: 'activity' | 'hidden' | 'visible') => {
    tab(i).input({ type, at: clock.now() })
  }
  return { clock, server, tab, input }
}

describe('presence at the edges of the rate limit', () => {
  it('a 3 s switch to another tab writes nothing and never shows the user offline', async () => {
    const { clock, server, input } = session()
    await clock.advance(60_000)
    for (let i = 0; i < 20; i++) {
      input(0, 'hidden')
      await clock.advance(3_000)
      expect(server.state()).toBe('online')
      input(0, 'visible')
      await clock.advance(20_000)
    }
    expect(server.counts).toEqual({ writes: 0, rateLimited: 0 })
  })

  it('a tab hidden longer than the grace is offline, and online again at once when it returns', async () => {
    const { clock, server, input } = session()
    await clock.advance(60_000)
    input(0, 'hidden')
    await clock.advance(10_100)
    expect(server.state()).toBe('offline')
    await clock.advance(60_000)
    input(0, 'visible')
    await clock.advance(100)
    expect(server.state()).toBe('online')
    expect(server.counts).toEqual({ writes: 2, rateLimited: 0 })
  })

  it('a close is seen at once, and never spends a write the server would refuse', async () => {
    for (const closeAfterMs of [1_000, 5_000, 9_900, 10_000, 30_000]) {
      const { clock, server, tab, input } = session()
      // Away after 5 idle minutes (a write), back on input (a write), then the tab closes.
      await clock.advance(300_000)
      input(0, 'activity')
      await clock.advance(10_500)
      expect(server.state()).toBe('online')
      await clock.advance(closeAfterMs)
      input(0, 'hidden')
      tab(0).pagehide()
      await clock.advance(200)
      // Within 10 s of the last write the homeserver would answer 429: the user then goes offline by the
      // server's own sync timeout (30 s), which no client request can shorten.
      expect(server.state()).toBe(closeAfterMs >= 10_000 ? 'offline' : 'online')
      expect(server.counts.rateLimited).toBe(0)
    }
  })

  it('one of two tabs closing writes nothing while the other is visible', async () => {
    const { clock, server, tab, input } = session(2)
    await clock.advance(60_000)
    input(1, 'hidden')
    tab(1).pagehide()
    await clock.advance(60_000)
    expect(server.state()).toBe('online')
    expect(server.counts).toEqual({ writes: 0, rateLimited: 0 })
  })

  it('the last visible tab closing beside a hidden one writes offline once, not once per tab', async () => {
    const { clock, server, tab, input } = session(2)
    await clock.advance(60_000)
    // Tab 0 went to the background long ago; tab 1 (visible) closes: hidden, then pagehide 13 ms later.
    input(0, 'hidden')
    await clock.advance(120_000)
    input(1, 'hidden')
    await clock.advance(13)
    tab(1).pagehide()
    await clock.advance(60_000)
    expect(server.state()).toBe('offline')
    expect(server.counts).toEqual({ writes: 1, rateLimited: 0 })
  })
})
