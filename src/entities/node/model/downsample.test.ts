import { describe, expect, it } from 'vitest'
import { thinMinMax } from './downsample.ts'

describe('thinMinMax', () => {
  it('keeps at most four points per column: first, min, max, last, in time order', () => {
    const t = [0, 1, 2, 3, 4, 5, 6, 7]
    const v = [5, 9, 1, 4, 5, 5, 5, 6]
    const r = thinMinMax(t, v, 2, { from: 0, to: 8 })
    expect(Array.from(r.t)).toEqual([0, 1, 2, 3, 4, 7])
    expect(Array.from(r.v)).toEqual([5, 9, 1, 4, 5, 6])
  })

  it('keeps spikes that averaging would hide', () => {
    const n = 10_000
    const t = Array.from({ length: n }, (_, i) => i)
    const v = t.map((i) => (i === 4321 ? 100 : 10))
    const r = thinMinMax(t, v, 100)
    expect(Math.max(...r.v)).toBe(100)
    expect(r.t.length).toBeLessThanOrEqual(400)
  })

  it('returns nothing for no points, and skips points without a value or outside the domain', () => {
    expect(thinMinMax([], [], 100).t.length).toBe(0)
    const r = thinMinMax([0, 1, 2, 3], [1, NaN, 3, 4], 10, { from: 0, to: 2 })
    expect(Array.from(r.t)).toEqual([0, 2])
  })

  it('keeps a single point', () => {
    const r = thinMinMax([42], [7], 300)
    expect(Array.from(r.t)).toEqual([42])
    expect(Array.from(r.v)).toEqual([7])
  })

  it('thins 100,000 points to a 1,200 px chart in linear time', () => {
    const n = 100_000
    const t = new Float64Array(n)
    const v = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      t[i] = 1_700_000_000_000 + i * 30_000
      v[i] = 50 + 40 * Math.sin(i / 500) + (i % 7)
    }
    // Timed against one plain pass over the same arrays on the same machine, best of five each, so the
    // check holds on a loaded CI box: a few plain passes' worth, not the quadratic blow-up of a naive thinning.
    const best = (f: () => unknown) => {
      let min = Infinity
      for (let r = 0; r < 5; r++) {
        const started = performance.now()
        f()
        min = Math.min(min, performance.now() - started)
      }
      return min
    }
    const plain = best(() => {
      let acc = 0
      for (let i = 0; i < n; i++) acc += (t[i] ?? 0) * 0 + (v[i] ?? 0)
      return acc
    })
    let r = thinMinMax(t, v, 1200)
    const thin = best(() => (r = thinMinMax(t, v, 1200)))
    expect(r.t.length).toBeLessThanOrEqual(4800)
    expect(r.t.length).toBeGreaterThan(1200)
    // The floor is for a machine so loaded that one plain pass is noise: a thinning that visits every point per
    // pixel (120 M steps here) takes well over 100 ms even on an idle machine.
    expect(thin).toBeLessThan(Math.max(30 * plain, 40))
  })
})
