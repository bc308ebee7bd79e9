import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useNotificationOptIn } from './notification-opt-in.ts'
import { notifyOnce } from './notify-once.ts'
import { documentTitle, setTitleCount, useTitleCount } from './title-count.ts'
import { renderHook } from '@testing-library/react'

const shown: { title: string; body?: string; tag?: string }[] = []

class FakeNotification {
  static permission: NotificationPermission = 'granted'
  static requestPermission = vi.fn(() => Promise.resolve(FakeNotification.permission))
  onclick: (() => void) | null = null
  constructor(title: string, options?: NotificationOptions) {
    shown.push({ title, body: options?.body, tag: options?.tag })
  }
  close() {}
}

/** A Web Locks stand-in that runs one task at a time, as the browser does across tabs. */
function serialLocks() {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    request: (_name: string, task: () => unknown) => {
      const run = tail.then(() => new Promise((r) => setTimeout(r, 0))).then(task)
      tail = run.catch(() => undefined)
      return run
    },
  }
}

beforeEach(() => {
  shown.length = 0
  localStorage.clear()
  FakeNotification.permission = 'granted'
  vi.stubGlobal('Notification', FakeNotification)
  vi.stubGlobal('navigator', { userAgent: navigator.userAgent, locks: serialLocks() })
})

afterEach(() => {
  vi.unstubAllGlobals()
  useNotificationOptIn.setState({ enabled: false })
})

describe('notifyOnce', () => {
  it('shows nothing until the user opts in', async () => {
    expect(await notifyOnce({ key: 'i1', title: 'Incident', body: 'node-1 offline' })).toBe(false)
    expect(shown).toEqual([])
  })

  it('shows a key once, however many tabs ask at the same moment', async () => {
    await useNotificationOptIn.getState().enable()
    const results = await Promise.all(
      [1, 2, 3].map(() => notifyOnce({ key: 'i1', title: 'Incident', body: 'node-1 offline' })),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(shown).toEqual([{ title: 'Incident', body: 'node-1 offline', tag: 'i1' }])
    expect(await notifyOnce({ key: 'i2', title: 'Incident', body: 'node-2 offline' })).toBe(true)
    expect(shown).toHaveLength(2)
  })

  it('stays off when the browser refuses permission', async () => {
    FakeNotification.permission = 'denied'
    await useNotificationOptIn.getState().enable()
    expect(useNotificationOptIn.getState()).toMatchObject({ enabled: false, permission: 'denied' })
    expect(await notifyOnce({ key: 'i1', title: 'Incident', body: '' })).toBe(false)
  })
})

describe('tab title', () => {
  it('adds every source and drops the count at zero', () => {
    expect(documentTitle({})).toBe('Node Console')
    expect(documentTitle({ incidents: 2, mentions: 1 })).toBe('(3) Node Console')
    const { result, rerender } = renderHook(() => useTitleCount('incidents'))
    setTitleCount('incidents', 2)
    rerender()
    expect(result.current).toBe(2)
    setTitleCount('incidents', 0)
    rerender()
    expect(result.current).toBe(0)
  })
})
