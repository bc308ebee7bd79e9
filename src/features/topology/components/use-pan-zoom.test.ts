import { describe, expect, it } from 'vitest'
import { viewWindowOf } from './use-pan-zoom.ts'

describe('viewWindowOf', () => {
  it('covers the viewport with half a viewport of margin, snapped to the culling grid', () => {
    const w = viewWindowOf({ x: 0, y: 0, scale: 1 }, 1000, 600)
    expect(w.x0).toBeLessThanOrEqual(-500)
    expect(w.y0).toBeLessThanOrEqual(-300)
    expect(w.x1).toBeGreaterThanOrEqual(1500)
    expect(w.y1).toBeGreaterThanOrEqual(900)
    expect(Math.abs(w.x0 % 256)).toBe(0)
  })

  it('does not change for a short pan, so panning rarely re-renders', () => {
    const a = viewWindowOf({ x: -100, y: -100, scale: 1 }, 1000, 600)
    const b = viewWindowOf({ x: -110, y: -105, scale: 1 }, 1000, 600)
    expect(b).toEqual(a)
  })

  it('grows in world units when zoomed out', () => {
    const near = viewWindowOf({ x: 0, y: 0, scale: 1 }, 1000, 600)
    const far = viewWindowOf({ x: 0, y: 0, scale: 0.25 }, 1000, 600)
    expect(far.x1 - far.x0).toBeGreaterThan(3 * (near.x1 - near.x0))
  })
})
