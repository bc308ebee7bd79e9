import { describe, expect, it } from 'vitest'
import { placeLabels, type LabelBox } from './place-labels.ts'

const overlap = (a: LabelBox, b: LabelBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('placing edge labels', () => {
  it('never lets two placed labels overlap, moving a colliding one along its edge or leaving it out', () => {
    // Ten bundles whose midpoints all fall on one point: the knot the map used to draw.
    const requests = Array.from({ length: 10 }, (_, i) => ({
      id: `e${i}`,
      candidates: [0.5, 0.35, 0.65, 0.2, 0.8].map((t) => ({ x: 100 + i * 2, y: 40 + t * 200 })),
      width: 120,
      height: 16,
    }))
    const placed = placeLabels(requests)
    const boxes = [...placed.values()].filter((b): b is LabelBox => b !== null)
    expect(boxes.length).toBe(5)
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false)
    expect([...placed.values()].filter((b) => b === null)).toHaveLength(5)
  })

  it('keeps a label at its first choice when nothing is in the way, and avoids obstacles', () => {
    const free = placeLabels([{ id: 'a', candidates: [{ x: 50, y: 50 }], width: 20, height: 10 }])
    expect(free.get('a')).toEqual({ x: 40, y: 45, width: 20, height: 10 })
    const blocked = placeLabels(
      [
        {
          id: 'a',
          candidates: [
            { x: 50, y: 50 },
            { x: 50, y: 90 },
          ],
          width: 20,
          height: 10,
        },
      ],
      [{ x: 0, y: 0, width: 100, height: 60 }],
    )
    expect(blocked.get('a')).toEqual({ x: 40, y: 85, width: 20, height: 10 })
  })
})
