import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStandInTransport } from '../testing/stand-in-transport.ts'
import { systemClock } from './clock.ts'
import { createPresenceWriter, type PresenceWriter } from './presence-writer.ts'

/** Runs the writer the way the controller does: pump now, and again whenever it asks to be woken. */
function driven(writer: () => PresenceWriter) {
  let cancel: (() => void) | null = null
  const plan = () => {
    cancel?.()
    cancel = null
    const at = writer().nextWakeAt()
    if (at !== null) cancel = systemClock.after(at - Date.now(), run)
  }
  const run = () => {
    writer().pump()
    plan()
  }
  return { run, plan }
}

function setup(status?: string) {
  const stand = createStandInTransport(status)
  let w: PresenceWriter | null = null
  const get = () => {
    if (!w) throw new Error('writer not ready')
    return w
  }
  const d = driven(get)
  w = createPresenceWriter({ clock: systemClock, transport: stand.transport, onSettled: d.plan })
  const want = (s: Parameters<PresenceWriter['want']>[0]) => {
    get().want(s)
    d.run()
  }
  return { ...stand, writer: get(), want }
}

describe('presence writer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-01-01T09:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sets the sync presence before every write', async () => {
    const { calls, want } = setup()
    want('unavailable')
    await vi.advanceTimersByTimeAsync(0)
    want('online')
    await vi.advanceTimersByTimeAsync(11_000)
    expect(calls).toEqual(['sync:unavailable', 'put:unavailable', 'sync:online', 'put:online'])
  })

  it('does not write again for the same state', async () => {
    const { writes, want } = setup()
    want('unavailable')
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(30_000)
      want('unavailable')
    }
    await vi.advanceTimersByTimeAsync(60_000)
    expect(writes.map((w) => w.state)).toEqual(['unavailable'])
  })

  it('keeps writes at least 10 s apart, and the latest state wins', async () => {
    const { writes, want } = setup()
    want('offline')
    await vi.advanceTimersByTimeAsync(1_000)
    want('online')
    await vi.advanceTimersByTimeAsync(1_000)
    want('unavailable')
    await vi.advanceTimersByTimeAsync(1_000)
    want('offline')
    await vi.advanceTimersByTimeAsync(1_000)
    want('online')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(writes.map((w) => w.state)).toEqual(['offline', 'online'])
    const gap = (writes[1]?.at ?? 0) - (writes[0]?.at ?? 0)
    expect(gap).toBeGreaterThanOrEqual(10_000)
  })

  it('writes nothing when the state returns to the written one before the spacing ends', async () => {
    const { writes, want } = setup()
    want('offline')
    await vi.advanceTimersByTimeAsync(2_000)
    want('online')
    await vi.advanceTimersByTimeAsync(2_000)
    want('offline')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(writes.map((w) => w.state)).toEqual(['offline'])
  })

  it('honours retry_after_ms after a 429 and then writes the latest state', async () => {
    const { writes, failNext, want, writer } = setup()
    failNext.push({ kind: 'rate-limited', retryAfterMs: 40_000 })
    want('unavailable')
    await vi.advanceTimersByTimeAsync(0)
    expect(writer.stats()).toMatchObject({ writes: 1, rateLimited: 1 })
    want('offline')
    await vi.advanceTimersByTimeAsync(39_000)
    expect(writes).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_500)
    expect(writes.map((w) => w.state)).toEqual(['unavailable', 'offline'])
  })

  it('backs off after a network failure and stops for good on a refused token', async () => {
    const { writes, failNext, want, writer } = setup()
    failNext.push({ kind: 'transient' })
    want('unavailable')
    await vi.advanceTimersByTimeAsync(14_000)
    expect(writes).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(writes).toHaveLength(2)

    failNext.push({ kind: 'unauthorized' })
    want('online')
    await vi.advanceTimersByTimeAsync(11_000)
    expect(writes).toHaveLength(3)
    want('offline')
    await vi.advanceTimersByTimeAsync(600_000)
    expect(writes).toHaveLength(3)
    expect(writer.stats().unauthorized).toBe(true)
  })

  it('sends the status message back with every write', async () => {
    const { writes, want, setStatus } = setup('on call until 18:00')
    want('unavailable')
    await vi.advanceTimersByTimeAsync(0)
    setStatus(undefined)
    want('online')
    await vi.advanceTimersByTimeAsync(11_000)
    expect(writes.map((w) => w.statusMsg)).toEqual(['on call until 18:00', undefined])
  })

  it('writes offline with keepalive (a hidden page may close at any moment)', async () => {
    const { writes, want } = setup()
    want('offline')
    await vi.advanceTimersByTimeAsync(0)
    want('online')
    await vi.advanceTimersByTimeAsync(11_000)
    expect(writes.map((w) => [w.state, w.keepAlive])).toEqual([
      ['offline', true],
      ['online', false],
    ])
  })

  it('writes offline on close once, as soon as the server would take it', async () => {
    const { writes, want, writer } = setup()
    want('unavailable')
    await vi.advanceTimersByTimeAsync(1_000)
    // Synapse would refuse a second PUT within 10 s (429): the closing page cannot wait, so it sends nothing.
    expect(writer.writeOnClose()).toBe(false)
    await vi.advanceTimersByTimeAsync(9_000)
    // Past the server's 10 s, before the writer's own 10.5 s spacing: the last chance is taken.
    expect(writer.writeOnClose()).toBe(true)
    expect(writer.writeOnClose()).toBe(false)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(writes.map((w) => [w.state, w.keepAlive])).toEqual([
      ['unavailable', false],
      ['offline', true],
    ])
  })

  it('does not write on close when offline is already written, or a 429 forbids it', async () => {
    const a = setup()
    a.want('offline')
    await vi.advanceTimersByTimeAsync(0)
    expect(a.writer.writeOnClose()).toBe(false)
    expect(a.writes).toHaveLength(1)

    const b = setup()
    b.failNext.push({ kind: 'rate-limited', retryAfterMs: 30_000 })
    b.want('unavailable')
    await vi.advanceTimersByTimeAsync(0)
    expect(b.writer.writeOnClose()).toBe(false)
  })

  it('still writes offline on close after a failed write (the server state is unknown, not the old one)', async () => {
    const { writes, failNext, want, writer } = setup()
    want('offline')
    await vi.advanceTimersByTimeAsync(0)
    // Back from hidden: the `online` write fails on the network, and its back-off is still running.
    failNext.push({ kind: 'transient' })
    want('online')
    await vi.advanceTimersByTimeAsync(11_000)
    expect(writes.map((w) => w.state)).toEqual(['offline', 'online'])
    expect(writer.memory().lastWritten).toBeNull()
    // The back-off after the failure (15 s) still runs; the server's 10 s window has passed.
    await vi.advanceTimersByTimeAsync(10_000)
    expect(writer.writeOnClose()).toBe(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(writes.map((w) => [w.state, w.keepAlive])).toEqual([
      ['offline', true],
      ['online', false],
      ['offline', true],
    ])
  })

  it('shares spacing and the last written state with the other tabs', async () => {
    const { writes, want, writer } = setup()
    writer.noteRemoteWrite('unavailable', Date.now())
    want('unavailable')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(writes).toHaveLength(0)
    want('online')
    await vi.advanceTimersByTimeAsync(5_000)
    expect(writes).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(6_000)
    expect(writes.map((w) => w.state)).toEqual(['online'])
  })
})
