import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HomeserverSim } from '@mocks/matrix/homeserver-sim.ts'
import { createMatrixHandlers } from '@mocks/matrix/matrix-handlers.ts'
import { ConfigProvider } from '@/lib/config/config-context.tsx'
import { parseRuntimeConfig } from '@/lib/config/runtime-config.ts'
import { demoHomeserverUrl } from '@/lib/matrix/demo-homeserver.ts'
import { useMatrixSessionStore } from '@/lib/matrix/matrix-session-store.ts'
import { resetChatState, server } from '../test/chat-test-harness.tsx'
import { ShareNodeButton } from './share-node-button.tsx'

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
beforeEach(resetChatState)
afterEach(resetChatState)
afterAll(() => server.close())

const node = { name: 'kyiv-07', liveness: 'stale', lastHeartbeat: null, url: 'https://console/nodes/kyiv-07' }

function renderButton() {
  render(
    <ConfigProvider config={parseRuntimeConfig({})}>
      <ShareNodeButton node={node} />
    </ConfigProvider>,
  )
}

describe('ShareNodeButton', () => {
  it('asks to sign in first', () => {
    renderButton()
    expect(screen.getByRole('button', { name: 'Share to chat' })).toBeDisabled()
    expect(screen.getByText('Sign in to the chat to share')).toBeInTheDocument()
  })

  it("posts the node's status as a notice to the team room", async () => {
    const sim = new HomeserverSim({ historySize: 5 })
    server.resetHandlers(...createMatrixHandlers(sim))
    const login = sim.login('alice', 'demo')
    sim.join(login.user_id)
    useMatrixSessionStore.getState().sessionStarted(
      {
        homeserverUrl: demoHomeserverUrl(),
        userId: login.user_id,
        accessToken: login.access_token,
        deviceId: login.device_id,
      },
      false,
    )
    renderButton()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Share to chat' }))
    expect(await screen.findByText('Shared to chat', {}, { timeout: 20_000 })).toBeInTheDocument()
    await waitFor(() =>
      expect(sim.events.at(-1)?.content).toEqual({
        msgtype: 'm.notice',
        body: 'Node kyiv-07: stale, last heartbeat never — https://console/nodes/kyiv-07',
      }),
    )
  }, 30_000)
})
