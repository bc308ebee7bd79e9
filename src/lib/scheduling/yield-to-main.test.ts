import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSlicer, yieldToMain } from './yield-to-main.ts'

describe('yieldToMain', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('resumes after other queued work, and does not stall under fake timers', async () => {
    vi.useFakeTimers()
    const order: string[] = []
    queueMicrotask(() => order.push('microtask'))
    await yieldToMain()
    order.push('resumed')
    expect(order).toEqual(['microtask', 'resumed'])
  })

  it('slices a loop: no yield before the slice is spent, one after', async () => {
    let now = 0
    vi.spyOn(performance, 'now').mockImplementation(() => now)
    const slicer = createSlicer(8)
    now = 5
    expect(slicer.maybeYield()).toBeNull()
    now = 9
    const pause = slicer.maybeYield()
    expect(pause).not.toBeNull()
    await pause
    now = 12
    expect(slicer.maybeYield()).toBeNull()
    vi.restoreAllMocks()
  })
})
