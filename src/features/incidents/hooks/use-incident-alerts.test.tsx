import { renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useNotificationOptIn } from '@/lib/notify/notification-opt-in.ts'
import { useTitleCount } from '@/lib/notify/title-count.ts'
import type { IncidentView } from '../model/room-incidents.ts'
import { createIncident, T0 } from '../testing/incident-fixtures.ts'
import { useIncidentAlerts } from './use-incident-alerts.ts'

const shown: { title: string; tag?: string }[] = []
class CountingNotification {
  static permission: NotificationPermission = 'granted'
  static requestPermission = () => Promise.resolve('granted' as NotificationPermission)
  onclick: (() => void) | null = null
  constructor(title: string, options?: NotificationOptions) {
    shown.push({ title, tag: options?.tag })
    made.push(this)
  }
  close() {}
}
const made: CountingNotification[] = []

const view = (id: string, openedAt: number): IncidentView => ({
  eventId: `$${id}`,
  incident: createIncident({ id, openedAt, since: openedAt }),
  ackers: [],
  changes: [],
})

beforeEach(async () => {
  shown.length = 0
  localStorage.clear()
  vi.stubGlobal('Notification', CountingNotification)
  vi.stubGlobal('navigator', { userAgent: navigator.userAgent })
  await useNotificationOptIn.getState().enable()
})
afterEach(() => {
  vi.unstubAllGlobals()
  useNotificationOptIn.setState({ enabled: false })
})

describe('incident alerts', () => {
  it('counts open incidents for the title and notifies only a new one, once, opening it on click', async () => {
    const onOpen = vi.fn()
    const now = () => T0 + 60_000
    const { result, rerender, unmount } = renderHook(
      ({ open }: { open: IncidentView[] | null }) => {
        useIncidentAlerts(open, onOpen, now)
        return useTitleCount('incidents')
      },
      { initialProps: { open: null as IncidentView[] | null } },
    )
    // Already open when the tab first sees the room: not news.
    rerender({ open: [view('old', T0 - 3_600_000)] })
    rerender({ open: [view('old', T0 - 3_600_000), view('new', T0)] })
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    expect(shown[0]).toEqual({ title: 'New incident', tag: 'incident:new' })
    expect(result.current).toBe(2)
    // The same incident again (an edit, another render) is not a second notification.
    rerender({ open: [view('new', T0)] })
    made.at(-1)?.onclick?.()
    expect(onOpen).toHaveBeenCalledWith('new')
    expect(shown).toHaveLength(1)
    expect(result.current).toBe(1)
    unmount()
  })

  it('does not notify an incident read back from history as if it were new', async () => {
    const { rerender } = renderHook(
      ({ open }: { open: IncidentView[] }) => useIncidentAlerts(open, vi.fn(), () => T0),
      {
        initialProps: { open: [] as IncidentView[] },
      },
    )
    rerender({ open: [view('from-history', T0 - 3_600_000)] })
    rerender({ open: [view('from-history', T0 - 3_600_000), view('fresh', T0 - 1000)] })
    await vi.waitFor(() => expect(shown.map((s) => s.tag)).toEqual(['incident:fresh']))
  })
})
