import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStandInTransport } from '../testing/stand-in-transport.ts'
import { systemClock } from './clock.ts'
import { createMemoryChannelHub } from '../testing/memory-channel.ts'
import { createPresenceController, type PresenceController } from './presence-controller.ts'
import { combineTabs, electLeader, type BroadcastChannelLike } from './tab-arbiter.ts'

const tab = (id: string, state: 'online' | 'unavailable' | 'offline', visible: boolean, startedAt = 0) => ({
  id,
  state,
  visible,
  startedAt,
})

describe('combineTabs and electLeader', () => {
  it('is online while any tab is, unavailable when the visible ones idle, offline when all are hidden', () => {
    expect(combineTabs([tab('a', 'online', true), tab('b', 'offline', false)])).toBe('online')
    expect(combineTabs([tab('a', 'unavailable', true), tab('b', 'offline', false)])).toBe('unavailable')
    expect(combineTabs([tab('a', 'unavailable', true), tab('b', 'online', true)])).toBe('online')
    expect(combineTabs([tab('a', 'offline', false), tab('b', 'offline', false)])).toBe('offline')
    expect(combineTabs([])).toBe('offline')
  })

  it('elects a visible tab first, then the oldest, then the smallest id', () => {
    expect(electLeader([tab('a', 'offline', false, 1), tab('b', 'online', true, 5)])).toBe('b')
    expect(electLeader([tab('b', 'online', true, 1), tab('a', 'online', true, 5)])).toBe('b')
    expect(electLeader([tab('b', 'online', true, 1), tab('a', 'online', true, 1)])).toBe('a')
    expect(electLeader([])).toBeNull()
  })
})

describe('tabs of one user', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-01-01T09:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function openTabs(n: number) {
    const stand = createStandInTransport()
    const hub = createMemoryChannelHub(systemClock)
    const tabs: PresenceController[] = []
    const channels: BroadcastChannelLike[] = []
    for (let i = 0; i < n; i++) {
      const channel = hub.open()
      channels.push(channel)
      tabs.push(
        createPresenceController({
          clock: systemClock,
          transport: stand.transport,
          channel,
          idleMs: 300_000,
          visible: true,
          tabId: `tab-${i}`,
        }),
      )
    }
    const at = (i: number) => {
      const t = tabs[i]
      if (!t) throw new Error(`no tab ${i}`)
      return t
    }
    return { ...stand, hub, tabs, channels, at }
  }

  it('stays online while one tab is active and another hidden; offline when all are hidden', async () => {
    const { at, writes } = openTabs(2)
    await vi.advanceTimersByTimeAsync(1_000)
    at(1).input({ type: 'hidden', at: Date.now() })
    await vi.advanceTimersByTimeAsync(30_000)
    expect(at(0).snapshot().effective).toBe('online')
    expect(at(1).snapshot()).toMatchObject({ local: 'offline', effective: 'online' })
    expect(writes).toHaveLength(0)

    at(0).input({ type: 'hidden', at: Date.now() })
    await vi.advanceTimersByTimeAsync(30_000)
    expect(at(1).snapshot().effective).toBe('offline')
    expect(writes.map((w) => w.state)).toEqual(['offline'])
  })

  it('goes unavailable only when every visible tab is idle', async () => {
    const { at, writes } = openTabs(3)
    await vi.advanceTimersByTimeAsync(60_000)
    at(2).input({ type: 'hidden', at: Date.now() })
    at(1).input({ type: 'activity', at: Date.now() })
    await vi.advanceTimersByTimeAsync(250_000)
    // Tab 0 idled at 5 min; tab 1 had input a minute later and is still online.
    expect(at(0).snapshot()).toMatchObject({ local: 'unavailable', effective: 'online' })
    expect(writes).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(at(2).snapshot().effective).toBe('unavailable')
    expect(writes.map((w) => w.state)).toEqual(['unavailable'])
  })

  it('lets exactly one tab write', async () => {
    const { at, tabs, writes } = openTabs(3)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(tabs.filter((t) => t.snapshot().leader)).toHaveLength(1)
    expect(at(0).snapshot().leader).toBe(true)
    await vi.advanceTimersByTimeAsync(300_000)
    expect(writes.map((w) => w.state)).toEqual(['unavailable'])
    expect(tabs.map((t) => t.stats().writes)).toEqual([1, 0, 0])
  })

  it('hands the writing to another tab when the leader closes', async () => {
    const { at, writes, tabs } = openTabs(3)
    await vi.advanceTimersByTimeAsync(1_000)
    at(0).pagehide()
    await vi.advanceTimersByTimeAsync(1_000)
    // The others are still here: closing tab 0 writes nothing.
    expect(writes).toHaveLength(0)
    expect(at(1).snapshot().leader).toBe(true)
    await vi.advanceTimersByTimeAsync(300_000)
    expect(writes.map((w) => w.state)).toEqual(['unavailable'])
    expect(tabs.map((t) => t.stats().writes)).toEqual([0, 1, 0])
  })

  it('re-elects when the leader goes silent (crashed or frozen)', async () => {
    const { at, hub, channels, writes } = openTabs(2)
    await vi.advanceTimersByTimeAsync(1_000)
    // Tab 0 crashes: it is never heard again, not even a goodbye.
    const silent = channels[0]
    if (!silent) throw new Error('no channel')
    hub.mute(silent)
    at(0).dispose()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(at(1).snapshot().leader).toBe(false)
    at(1).input({ type: 'hidden', at: Date.now() })
    await vi.advanceTimersByTimeAsync(60_000)
    // Tab 1 still believes tab 0 is visible and online: nothing to write, and it is not its turn.
    expect(writes).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(40_000)
    expect(at(1).snapshot()).toMatchObject({ leader: true, effective: 'offline' })
    expect(writes.map((w) => w.state)).toEqual(['offline'])
  })

  it('writes offline once when the last tab closes, with keepalive', async () => {
    const { at, writes } = openTabs(2)
    await vi.advanceTimersByTimeAsync(1_000)
    at(1).pagehide()
    await vi.advanceTimersByTimeAsync(1_000)
    // Closing fires visibilitychange and pagehide, in either order: one write.
    at(0).input({ type: 'hidden', at: Date.now() })
    at(0).pagehide()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(writes.map((w) => [w.state, w.keepAlive])).toEqual([['offline', true]])
  })

  it('writes offline on close before its own spacing has passed, once the server would take it', async () => {
    const { at, writes } = openTabs(1)
    await vi.advanceTimersByTimeAsync(300_000)
    expect(writes.map((w) => w.state)).toEqual(['unavailable'])
    await vi.advanceTimersByTimeAsync(10_000)
    at(0).pagehide()
    at(0).input({ type: 'hidden', at: Date.now() })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(writes.map((w) => [w.state, w.keepAlive])).toEqual([
      ['unavailable', false],
      ['offline', true],
    ])
  })

  it('shares the choice to appear away with every tab', async () => {
    const { at, writes } = openTabs(2)
    await vi.advanceTimersByTimeAsync(1_000)
    at(1).chooseAway()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(at(0).snapshot()).toMatchObject({ away: true, local: 'unavailable', activityAllowed: false })
    expect(writes.map((w) => w.state)).toEqual(['unavailable'])
    at(0).chooseAuto()
    await vi.advanceTimersByTimeAsync(11_000)
    expect(at(1).snapshot()).toMatchObject({ away: false, effective: 'online' })
    expect(writes.map((w) => w.state)).toEqual(['unavailable', 'online'])
  })

  it('comes back online when a page is restored from the back/forward cache', async () => {
    const { at, writes, calls } = openTabs(1)
    await vi.advanceTimersByTimeAsync(1_000)
    at(0).pagehide()
    await vi.advanceTimersByTimeAsync(60_000)
    at(0).pageshow(true)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(at(0).snapshot().effective).toBe('online')
    expect(writes.map((w) => w.state)).toEqual(['offline', 'online'])
    expect(calls.slice(-2)).toEqual(['sync:online', 'put:online'])
  })
})

describe('the back/forward cache', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-01-01T09:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('closes the channel when the page is hidden away and opens a new one when it is restored', async () => {
    const hub = createMemoryChannelHub(systemClock)
    const stand = createStandInTransport()
    const opened: BroadcastChannelLike[] = []
    const closed: number[] = []
    const open = () => {
      const c = hub.open()
      const n = opened.length
      const tracked: BroadcastChannelLike = {
        ...c,
        close: () => {
          closed.push(n)
          c.close()
        },
      }
      opened.push(tracked)
      return tracked
    }
    const other = createPresenceController({
      clock: systemClock,
      transport: stand.transport,
      channel: hub.open(),
      idleMs: 300_000,
      visible: true,
      tabId: 'a',
    })
    const tab = createPresenceController({
      clock: systemClock,
      transport: stand.transport,
      channel: open(),
      reopenChannel: open,
      idleMs: 300_000,
      visible: true,
      tabId: 'b',
    })
    await vi.advanceTimersByTimeAsync(1_000)
    tab.pagehide()
    expect(closed).toEqual([0])
    await vi.advanceTimersByTimeAsync(1_000)
    tab.pageshow(true)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(opened).toHaveLength(2)
    expect(closed).toEqual([0])
    // The restored tab is heard again: the other one counts it.
    other.input({ type: 'hidden', at: Date.now() })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(other.snapshot().effective).toBe('online')
    tab.dispose()
    other.dispose()
  })
})
