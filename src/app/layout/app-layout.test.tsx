import { fireEvent, screen, waitFor } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '@/testing/render-with-providers.tsx'
import { warmChat } from '../chat/warm-chat.ts'
import { AppLayout } from './app-layout.tsx'

// What the prefetch ends with: the client on its saved sync. Replaced to see when the prefetch ran.
vi.mock('../chat/warm-chat.ts', () => ({ warmChat: vi.fn() }))

function renderLayout() {
  return renderWithProviders(
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<p>the overview</p>} />
      </Route>
    </Routes>,
  )
}

describe('AppLayout prefetching the chat', { timeout: 30_000 }, () => {
  beforeEach(() => {
    // A browser that is never idle: only reaching for the chat can start its prefetch.
    vi.stubGlobal('requestIdleCallback', vi.fn())
    vi.stubGlobal('cancelIdleCallback', vi.fn())
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.mocked(warmChat).mockClear()
  })

  it('loads the chat and warms its client when the pointer reaches the Chat link, before any click', async () => {
    renderLayout()
    await screen.findByText('the overview')
    expect(warmChat).not.toHaveBeenCalled()
    fireEvent.pointerEnter(screen.getByRole('link', { name: 'Chat' }))
    await waitFor(() => {
      expect(warmChat).toHaveBeenCalledTimes(1)
    })
  })

  it('does so on keyboard focus of the chat panel button', async () => {
    renderLayout()
    await screen.findByText('the overview')
    fireEvent.focus(screen.getByRole('button', { name: 'Open chat' }))
    await waitFor(() => {
      expect(warmChat).toHaveBeenCalledTimes(1)
    })
  })
})
