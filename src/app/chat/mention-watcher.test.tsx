import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, render, waitFor } from '@testing-library/react'
import { useEffect, type ReactNode } from 'react'
import { HomeserverSim, userId } from '@mocks/matrix/homeserver-sim.ts'
import { createMatrixHandlers } from '@mocks/matrix/matrix-handlers.ts'
import { demoHomeserverUrl } from '@/lib/matrix/demo-homeserver.ts'
import { currentMatrixClient } from '@/lib/matrix/matrix-client.ts'
import { MatrixClientProvider, useOptionalMatrixClient } from '@/lib/matrix/matrix-client-provider.tsx'
import { useMatrixSessionStore } from '@/lib/matrix/matrix-session-store.ts'
import { useNotificationOptIn } from '@/lib/notify/notification-opt-in.ts'
import { useDocumentTitle } from '@/lib/notify/title-count.ts'
import { renderWithProviders } from '@/testing/render-with-providers.tsx'
import { resetChatState, server } from '@/features/chat/test/chat-test-harness.tsx'
import { useJumpRequestStore } from '@/features/chat/model/jump-request-store.ts'
import { useLayoutStore } from '../layout/layout-store.ts'
import { MentionWatcher } from './mention-watcher.tsx'

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
beforeEach(resetChatState)
afterEach(() => {
  resetChatState()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  useNotificationOptIn.setState({ enabled: false })
})
afterAll(() => server.close())

function Title({ children }: { children?: ReactNode }) {
  useDocumentTitle()
  return children
}

/** Alice is in the demo room and signed in (a session kept from an earlier visit); nothing rendered yet. */
function signedInAlice() {
  const sim = new HomeserverSim({ historySize: 5 })
  server.resetHandlers(...createMatrixHandlers(sim))
  sim.join(userId('alice'))
  const login = sim.login('alice', 'demo')
  useMatrixSessionStore.getState().sessionStarted(
    {
      homeserverUrl: demoHomeserverUrl(),
      userId: login.user_id,
      accessToken: login.access_token,
      deviceId: login.device_id,
    },
    false,
  )
  return sim
}

function captureNotifications() {
  const shown: string[] = []
  const clicks: (() => void)[] = []
  vi.stubGlobal(
    'Notification',
    class {
      static permission = 'granted'
      onclick: (() => void) | null = null
      constructor(title: string) {
        shown.push(title)
        clicks.push(() => this.onclick?.())
      }
      close() {}
    },
  )
  useNotificationOptIn.setState({ enabled: true, permission: 'granted' })
  return { shown, clicks }
}

describe('mentions in every view', { timeout: 30_000 }, () => {
  it('with the tab hidden on the overview, a mention notifies once and counts in the title until seen', async () => {
    const { shown, clicks } = captureNotifications()
    let visibility: DocumentVisibilityState = 'visible'
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
    const sim = signedInAlice()
    renderWithProviders(
      <Title>
        <MentionWatcher />
      </Title>,
    )
    await waitFor(() => expect(currentMatrixClient()?.isInitialSyncComplete()).toBe(true), {
      timeout: 20_000,
    })
    visibility = 'hidden'
    sim.post('olena', 'no mention here', 'm.text', { 'm.mentions': {} })
    const mention = sim.post('olena', 'node-7 needs you', 'm.text', {
      'm.mentions': { user_ids: [userId('alice')] },
    })
    await waitFor(() => expect(document.title).toBe('(1) Node Console'), { timeout: 10_000 })
    await waitFor(() => expect(shown).toEqual(['Олена Коваленко · Ops']))
    visibility = 'visible'
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'))
    })
    expect(document.title).toBe('Node Console')
    // Its click opens the chat panel at the message.
    vi.spyOn(window, 'focus').mockImplementation(() => undefined)
    act(() => clicks[0]?.())
    expect(useLayoutStore.getState().chatPanelOpen).toBe(true)
    expect(useJumpRequestStore.getState().eventId).toBe(mention.event_id)
  })

  it('the chat opened afterwards gets the same client: one sync loop per tab', async () => {
    signedInAlice()
    const seen: unknown[] = []
    function Panel() {
      const client = useOptionalMatrixClient()
      useEffect(() => {
        seen.push(client)
      }, [client])
      return null
    }
    const watcher = renderWithProviders(<MentionWatcher />)
    await waitFor(() => expect(currentMatrixClient()).not.toBeNull(), { timeout: 20_000 })
    render(
      <MatrixClientProvider homeserverUrl={demoHomeserverUrl()}>
        <Panel />
      </MatrixClientProvider>,
    )
    await waitFor(() => expect(seen.at(-1)).toBe(currentMatrixClient()))
    watcher.unmount()
    expect(currentMatrixClient()).toBe(seen.at(-1))
  })
})
