import { act, render, renderHook, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PresenceControl } from './components/presence-control.tsx'
import { systemClock } from './model/clock.ts'
import { createMemoryChannelHub } from './testing/memory-channel.ts'
import { createPresenceController } from './model/presence-controller.ts'
import { stopPresence } from './presence-runtime.ts'
import { createStandInTransport } from './testing/stand-in-transport.ts'
import { createStandInClient } from './testing/stand-in-client.ts'
import { usePresenceHeartbeat } from './use-presence-heartbeat.ts'

let visibility: DocumentVisibilityState = 'visible'

function setVisibility(v: DocumentVisibilityState) {
  visibility = v
  document.dispatchEvent(new Event('visibilitychange'))
}

const advance = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms)
  })

describe('usePresenceHeartbeat', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-01-01T09:00:00Z') })
    visibility = 'visible'
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
  })
  afterEach(() => {
    stopPresence()
    vi.useRealTimers()
  })

  function mount(idleMinutes = 5) {
    const stand = createStandInClient({ synced: { statusMsg: 'on call' } })
    const hook = renderHook(() =>
      usePresenceHeartbeat(stand.client, { idleMinutes, openChannel: () => null }),
    )
    const puts = () => stand.calls.filter((c) => !c.startsWith('setSyncPresence'))
    return { ...stand, hook, puts }
  }

  it('is online at start without writing (the sync already says online)', async () => {
    const { hook, puts, calls } = mount()
    await advance(1_000)
    expect(hook.result.current).toMatchObject({
      state: 'online',
      effectiveState: 'online',
      activityAllowed: true,
    })
    expect(puts()).toEqual([])
    expect(calls).toEqual(['setSyncPresence:online'])
  })

  it('goes away after 5 minutes without input, and back online on input', async () => {
    const { hook, calls, bodies } = mount()
    await advance(4 * 60_000)
    act(() => {
      window.dispatchEvent(new Event('pointermove'))
    })
    await advance(4 * 60_000)
    expect(hook.result.current.state).toBe('online')
    await advance(60_000)
    expect(hook.result.current).toMatchObject({ state: 'unavailable', activityAllowed: false })
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    })
    await advance(11_000)
    expect(hook.result.current.state).toBe('online')
    expect(calls).toEqual([
      'setSyncPresence:online',
      'setSyncPresence:unavailable',
      'setSyncPresence:unavailable',
      'setPresence:unavailable',
      'setSyncPresence:online',
      'setSyncPresence:online',
      'setPresence:online',
    ])
    expect(bodies).toEqual([
      { presence: 'unavailable', status_msg: 'on call' },
      { presence: 'online', status_msg: 'on call' },
    ])
  })

  it('does not write for a flood of input', async () => {
    const { puts } = mount()
    for (let i = 0; i < 600; i++) {
      act(() => {
        window.dispatchEvent(new Event('wheel'))
      })
      await advance(500)
    }
    expect(puts()).toEqual([])
  })

  it('goes offline when hidden, online when visible, with one write on close', async () => {
    const { hook, puts } = mount()
    await advance(1_000)
    act(() => {
      setVisibility('hidden')
    })
    await advance(0)
    // A hidden page keeps its state for 10 s (a quick tab switch is not shown to others).
    expect(hook.result.current).toMatchObject({ state: 'online' })
    await advance(10_000)
    expect(hook.result.current).toMatchObject({ state: 'offline', activityAllowed: false })
    await advance(20_000)
    act(() => {
      setVisibility('visible')
    })
    await advance(11_000)
    expect(hook.result.current.state).toBe('online')
    // Closing (past the server's 10 s window): visibilitychange and pagehide both fire.
    act(() => {
      setVisibility('hidden')
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }))
    })
    await advance(60_000)
    expect(puts()).toEqual([
      'authedRequest:PUT /presence/%40alice%3Atest/status keepAlive=true',
      'setPresence:online',
      'authedRequest:PUT /presence/%40alice%3Atest/status keepAlive=true',
    ])
  })

  it('comes back online when the page is restored from the back/forward cache', async () => {
    const { hook, puts } = mount()
    await advance(1_000)
    act(() => {
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }))
      setVisibility('hidden')
    })
    await advance(60_000)
    act(() => {
      setVisibility('visible')
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
    })
    await advance(1_000)
    expect(hook.result.current.state).toBe('online')
    expect(puts()).toEqual([
      'authedRequest:PUT /presence/%40alice%3Atest/status keepAlive=true',
      'setPresence:online',
    ])
  })

  it('re-checks idleness against the clock when a throttled timer fires late', async () => {
    const { hook } = mount()
    // The tab's timers were frozen for 20 minutes: the clock jumped without them.
    vi.setSystemTime(Date.now() + 20 * 60_000)
    act(() => {
      setVisibility('visible')
    })
    await advance(0)
    // Becoming visible is input: online, not away.
    expect(hook.result.current.state).toBe('online')
  })

  it('tells another tab of the same user about the choice to appear away', async () => {
    const hub = createMemoryChannelHub(systemClock)
    const otherTab = createPresenceController({
      clock: systemClock,
      transport: createStandInTransport().transport,
      channel: hub.open(),
      idleMs: 300_000,
      visible: true,
    })
    const stand = createStandInClient()
    const hook = renderHook(() => usePresenceHeartbeat(stand.client, { openChannel: () => hub.open() }))
    await advance(1_000)
    act(() => {
      hook.result.current.chooseAway()
    })
    await advance(1_000)
    expect(hook.result.current).toMatchObject({ away: true, effectiveState: 'unavailable' })
    expect(otherTab.snapshot()).toMatchObject({ away: true, effective: 'unavailable' })
    otherTab.dispose()
  })

  it('keeps running when the chat unmounts, and stops with the client', async () => {
    const { hook, client, puts } = mount()
    const second = renderHook(() => usePresenceHeartbeat(client, { openChannel: () => null }))
    hook.unmount()
    second.unmount()
    await advance(5 * 60_000)
    // Nobody shows it, but the client still syncs: the user went idle and the server is told.
    expect(puts()).toEqual(['setPresence:unavailable'])
    ;(client as unknown as { clientRunning: boolean }).clientRunning = false
    act(() => {
      window.dispatchEvent(new Event('pointermove'))
    })
    await advance(60_000)
    expect(puts()).toEqual(['setPresence:unavailable'])
  })
})

describe('PresenceControl', () => {
  it('shows the user’s state and lets them appear away', async () => {
    const chooseAway = vi.fn()
    const chooseAuto = vi.fn()
    const presence = {
      effectiveState: 'online' as const,
      away: false,
      unauthorized: false,
      chooseAway,
      chooseAuto,
    }
    const { rerender } = render(<PresenceControl presence={presence} />)
    expect(screen.getByText('online')).toBeVisible()
    const box = screen.getByRole('checkbox', { name: 'Appear away' })
    await userEvent.click(box)
    expect(chooseAway).toHaveBeenCalledOnce()
    rerender(<PresenceControl presence={{ ...presence, effectiveState: 'unavailable', away: true }} />)
    expect(screen.getByText('away')).toBeVisible()
    await userEvent.click(screen.getByRole('checkbox', { checked: true }))
    expect(chooseAuto).toHaveBeenCalledOnce()
  })
})
