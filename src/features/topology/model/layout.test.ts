import { describe, expect, it } from 'vitest'
import {
  CARD_H,
  CARD_W,
  computeLayout,
  DENSE_PAGE,
  DENSE_THRESHOLD,
  groupOfRole,
  isDense,
  layoutKey,
  type LayoutInput,
  type LayoutNode,
  type TopologyLayout,
} from './layout.ts'

function fleet(n: number): LayoutNode[] {
  const groups = ['production', 'development', 'backup', 'worker', 'worker', 'other'] as const
  return Array.from({ length: n }, (_, i) => ({
    id: `node-${String(i).padStart(5, '0')}`,
    group: groups[i % groups.length] ?? 'other',
  }))
}

function shuffled<T>(xs: readonly T[], seed = 7): T[] {
  const out = [...xs]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0
    const j = s % (i + 1)
    const a = out[i] as T
    out[i] = out[j] as T
    out[j] = a
  }
  return out
}

const input = (nodes: LayoutNode[], extra: Partial<LayoutInput> = {}): LayoutInput => ({
  nodes,
  hubs: [],
  collapsed: [],
  shown: {},
  ...extra,
})

const positions = (l: TopologyLayout) => Object.fromEntries(l.cards.map((c) => [c.id, [c.x, c.y]]))

function overlaps(l: TopologyLayout): boolean {
  const cs = [...l.cards].sort((a, b) => a.y - b.y || a.x - b.x)
  for (let i = 0; i < cs.length; i++) {
    for (let j = i + 1; j < cs.length; j++) {
      const a = cs[i]
      const b = cs[j]
      if (!a || !b) continue
      if (b.y >= a.y + CARD_H) break
      if (Math.abs(a.x - b.x) < CARD_W && Math.abs(a.y - b.y) < CARD_H) return true
    }
  }
  return false
}

describe('computeLayout', () => {
  it('is deterministic and ignores the order the registry listed nodes in', () => {
    const nodes = fleet(40)
    const a = computeLayout(input(nodes, { hubs: ['node-00000'] }))
    const b = computeLayout(input(shuffled(nodes), { hubs: ['node-00000'] }))
    expect(b).toEqual(a)
    expect(layoutKey(input(shuffled(nodes)))).toBe(layoutKey(input(nodes)))
  })

  it('puts the registry at the top centre and every card below it, without overlaps', () => {
    const l = computeLayout(input(fleet(50), { hubs: ['node-00003'] }))
    expect(l.registry.y).toBe(0)
    expect(l.registry.x + l.registry.width / 2).toBeCloseTo(l.width / 2)
    expect(l.cards).toHaveLength(50)
    for (const c of l.cards) expect(c.y).toBeGreaterThan(l.registry.y + l.registry.height)
    expect(overlaps(l)).toBe(false)
    expect(l.groups.map((g) => g.key)).toEqual([
      'hubs',
      'production',
      'development',
      'backup',
      'worker',
      'other',
    ])
  })

  it('places hubs in their own row, once', () => {
    const l = computeLayout(input(fleet(12), { hubs: ['node-00000', 'missing'] }))
    const hubs = l.groups.find((g) => g.key === 'hubs')
    expect(hubs?.memberIds).toEqual(['node-00000'])
    expect(l.cards.filter((c) => c.id === 'node-00000')).toHaveLength(1)
    expect(l.groups.find((g) => g.key === 'production')?.memberIds).not.toContain('node-00000')
  })

  it('keeps every card in place when a node changes liveness (liveness is not an input) or a group collapses after it', () => {
    const nodes = fleet(30)
    const before = positions(computeLayout(input(nodes)))
    // The same membership, as a later poll would give it: nothing moves.
    expect(positions(computeLayout(input(shuffled(nodes, 3))))).toEqual(before)
    // Collapsing the last group leaves the groups before it where they were.
    const after = positions(computeLayout(input(nodes, { collapsed: ['other'] })))
    for (const [id, p] of Object.entries(after)) expect(p).toEqual(before[id])
  })

  it('collapses a group to its header', () => {
    const l = computeLayout(input(fleet(30), { collapsed: ['worker'] }))
    const worker = l.groups.find((g) => g.key === 'worker')
    expect(worker?.mode).toBe('collapsed')
    expect(worker?.shownCount).toBe(0)
    expect(worker?.memberIds).toHaveLength(10)
    expect(l.cards.some((c) => worker?.memberIds.includes(c.id))).toBe(false)
  })
})

describe('dense mode', () => {
  it('starts at the threshold', () => {
    expect(isDense(DENSE_THRESHOLD - 1)).toBe(false)
    expect(isDense(DENSE_THRESHOLD)).toBe(true)
    expect(computeLayout(input(fleet(DENSE_THRESHOLD - 1))).dense).toBe(false)
    expect(computeLayout(input(fleet(DENSE_THRESHOLD))).dense).toBe(true)
  })

  it('shows tiles only, with "+N more" to expand a bounded page', () => {
    const nodes = fleet(10_000)
    const l = computeLayout(input(nodes, { hubs: ['node-00000'] }))
    expect(l.cards.map((c) => c.id)).toEqual(['node-00000'])
    const worker = l.groups.find((g) => g.key === 'worker')
    expect(worker?.mode).toBe('tile')
    expect(worker?.memberIds).toHaveLength(3333)
    expect(worker?.more).not.toBeNull()

    const expanded = computeLayout(input(nodes, { hubs: ['node-00000'], shown: { worker: DENSE_PAGE } }))
    const shownWorkers = expanded.cards.filter((c) => worker?.memberIds.includes(c.id))
    expect(shownWorkers).toHaveLength(DENSE_PAGE)
    // The first page is the first members by id: stable whatever the registry's order.
    expect(shownWorkers.map((c) => c.id)).toEqual(worker?.memberIds.slice(0, DENSE_PAGE))
    expect(overlaps(expanded)).toBe(false)
  })

  it('expanding one group moves no card of the groups before it', () => {
    const nodes = fleet(600)
    const one = computeLayout(input(nodes, { shown: { production: DENSE_PAGE } }))
    const two = computeLayout(input(nodes, { shown: { production: DENSE_PAGE, worker: 2 * DENSE_PAGE } }))
    const p1 = positions(one)
    const p2 = positions(two)
    for (const id of Object.keys(p1)) expect(p2[id]).toEqual(p1[id])
  })

  it('lays out 10,000 nodes quickly', () => {
    const nodes = shuffled(fleet(10_000))
    const t0 = performance.now()
    computeLayout(input(nodes, { shown: { worker: 600 } }))
    expect(performance.now() - t0).toBeLessThan(500)
  })
})

describe('groupOfRole', () => {
  it('maps unknown roles to other', () => {
    expect(groupOfRole('worker')).toBe('worker')
    expect(groupOfRole('banana')).toBe('other')
    expect(groupOfRole(null)).toBe('other')
  })
})
