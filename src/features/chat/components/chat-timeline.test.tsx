import { createRef } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'
import { createClient, Room } from 'matrix-js-sdk'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChatTimeline } from './chat-timeline.tsx'

// jsdom has no layout: a 400 px view on 5000 px of history, and a scroll position the test sets.
const descriptors = ['clientHeight', 'scrollHeight'] as const
beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 })
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: () => 5000 })
})
afterEach(() => {
  for (const name of descriptors) Reflect.deleteProperty(HTMLElement.prototype, name)
})

function renderTimeline(paginating: boolean, paginateBack: () => Promise<void>) {
  // Real SDK objects, never started: with no events, the timeline only reads its own props.
  const client = createClient({ baseUrl: 'http://127.0.0.1:9', userId: '@alice:test' })
  const props = {
    client,
    room: new Room('!room:test', client, '@alice:test'),
    items: [],
    live: true,
    canPaginate: true,
    paginateBack,
    jumpRef: createRef<(eventId: string) => void>(),
  }
  const view = render(<ChatTimeline {...props} paginating={paginating} />)
  const log = screen.getByRole('log')
  let top = 0
  Object.defineProperty(log, 'scrollTop', {
    configurable: true,
    get: () => top,
    set: (v: number) => {
      top = v
    },
  })
  return {
    scrollTo(y: number) {
      top = y
      fireEvent.wheel(log)
      fireEvent.scroll(log)
    },
    settle: () => {
      view.rerender(<ChatTimeline {...props} paginating={false} />)
    },
  }
}

describe('ChatTimeline loading older messages', () => {
  it('loads the next page when one lands while the reader is already at the top', () => {
    const paginateBack = vi.fn(() => Promise.resolve())
    const timeline = renderTimeline(true, paginateBack)
    // The scroll that reached the top came while a page was loading: it asks for nothing.
    timeline.scrollTo(0)
    expect(paginateBack).not.toHaveBeenCalled()
    // That page lands and the reader is still at the top, with no scroll to come: the next one loads.
    timeline.settle()
    expect(paginateBack).toHaveBeenCalledTimes(1)
  })

  it('loads nothing when a page lands while the reader is away from the top', () => {
    const paginateBack = vi.fn(() => Promise.resolve())
    const timeline = renderTimeline(true, paginateBack)
    timeline.scrollTo(2000)
    timeline.settle()
    expect(paginateBack).not.toHaveBeenCalled()
  })
})
