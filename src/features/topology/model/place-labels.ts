export interface LabelBox {
  x: number
  y: number
  width: number
  height: number
}

export interface LabelRequest {
  id: string
  /** Where the label may sit (its centre), best first: e.g. points along its edge from the middle out. */
  candidates: readonly { x: number; y: number }[]
  width: number
  height: number
}

const overlaps = (a: LabelBox, b: LabelBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/**
 * Places labels without overlap, greedily in the given order: each takes its first candidate that overlaps
 * no label placed before it (nor an `obstacle`), else none (null), and is then shown only on demand.
 * O(labels² × candidates): there is one label per service bundle, a few dozen at most.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly LabelBox[] = [],
): Map<string, LabelBox | null> {
  const placed: LabelBox[] = [...obstacles]
  const out = new Map<string, LabelBox | null>()
  for (const r of requests) {
    let chosen: LabelBox | null = null
    for (const c of r.candidates) {
      const box = { x: c.x - r.width / 2, y: c.y - r.height / 2, width: r.width, height: r.height }
      if (!placed.some((p) => overlaps(p, box))) {
        chosen = box
        break
      }
    }
    if (chosen) placed.push(chosen)
    out.set(r.id, chosen)
  }
  return out
}

/** A label's width at the map's 11 px label font, estimated: measuring text would need a layout pass. */
export const estimateLabelWidth = (text: string) => Math.ceil(text.length * 6.4) + 8
export const LABEL_HEIGHT = 16
