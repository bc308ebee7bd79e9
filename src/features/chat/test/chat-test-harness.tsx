import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { HomeserverSim } from '@mocks/matrix/homeserver-sim.ts'
import { createMatrixHandlers } from '@mocks/matrix/matrix-handlers.ts'
import { useI18nStore } from '@/lib/i18n/i18n-store.ts'
import { DEMO_ROOM_ALIAS, demoHomeserverUrl } from '@/lib/matrix/demo-homeserver.ts'
import { stopMatrixClient } from '@/lib/matrix/matrix-client.ts'
import { MatrixClientProvider } from '@/lib/matrix/matrix-client-provider.tsx'
import { useMatrixSessionStore } from '@/lib/matrix/matrix-session-store.ts'
import { MatrixChatRoom, type MatrixChatRoomProps } from '../components/matrix-chat-room.tsx'

/** One MSW server for the chat's component tests; each test gets a fresh simulated homeserver. */
export const server = setupServer()

/** jsdom has no layout: give the timeline's scroll box a size so the virtualizer renders rows. */
export function fakeLayout() {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 600 })
}

export function resetChatState() {
  stopMatrixClient()
  localStorage.clear()
  sessionStorage.clear()
  useMatrixSessionStore.setState({ session: null, remembered: false, signedOutReason: null })
  useI18nStore.setState({ lang: 'en' })
}

/** A fresh simulator served by MSW, and the chat rendered on it. */
export function renderChat(props: Partial<MatrixChatRoomProps> = {}, simOptions = { historySize: 40 }) {
  const sim = new HomeserverSim(simOptions)
  server.resetHandlers(...createMatrixHandlers(sim))
  const user = userEvent.setup()
  const view = render(
    <MatrixClientProvider homeserverUrl={props.homeserverUrl ?? demoHomeserverUrl()}>
      <MatrixChatRoom room={DEMO_ROOM_ALIAS} homeserverUrl={demoHomeserverUrl()} demo {...props} />
    </MatrixClientProvider>,
  )
  return { sim, user, ...view }
}
