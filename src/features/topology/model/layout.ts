/**
 * The topology's geometry, in world units (CSS pixels at zoom 1). Pure and deterministic: positions depend
 * only on which nodes are shown, their group, hub membership and their order by node id, never on liveness
 * or heartbeat age, so a heartbeat never moves a card. Pan and zoom are transforms applied on top; they never
 * re-run the layout.
 */

export const GROUP_KEYS = ['production', 'development', 'backup', 'worker', 'other'] as const
export type GroupKey = (typeof GROUP_KEYS)[number]

/** From this many visible nodes on, groups collapse to tiles with counts ("dense mode"). */
export const DENSE_THRESHOLD = 300
/** Cards added by one "+N more" in dense mode: a bounded page, so expanding never renders thousands at once. */
export const DENSE_PAGE = 60
/** At most this many hubs get a card of their own above the groups; the rest stay in their groups. */
export const MAX_PINNED_HUBS = 8

export const CARD_W = 208
export const CARD_H = 96
export const GAP = 12
export const REGISTRY_W = 260
export const REGISTRY_H = 64
export const GROUP_HEADER_H = 52
export const TILE_H = 96
export const MORE_H = 40
export const GROUP_PAD = 12
const GROUP_GAP = 48
const ROW_GAP = 96
const DENSE_COLS = 6
const MAX_COLS = 6

export interface LayoutNode {
  id: string
  group: GroupKey
}

export interface LayoutInput {
  nodes: readonly LayoutNode[]
  /** Hub node ids (from `deriveTopology`), placed in their own row under the registry. */
  hubs: readonly string[]
  /** Groups the user collapsed to their header. */
  collapsed: readonly GroupKey[]
  /** Dense mode only: how many cards each group shows below its tile (0 or absent: the tile alone). */
  shown: Partial<Record<GroupKey, number>>
}

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface CardPlacement {
  id: string
  x: number
  y: number
}

export interface GroupLayout extends Rect {
  key: GroupKey | 'hubs'
  /** Every member, shown or not, sorted by id: the group's summary counts these. */
  memberIds: string[]
  /** `cards`: every member as a card; `collapsed`: header only; `tile`: dense tile, maybe with a page of cards. */
  mode: 'cards' | 'collapsed' | 'tile'
  /** How many members have a card (the first ones by id). */
  shownCount: number
  /** Where the "+N more" button goes, when members remain hidden in dense mode. */
  more: Rect | null
}

export interface TopologyLayout {
  dense: boolean
  registry: Rect
  groups: GroupLayout[]
  cards: CardPlacement[]
  width: number
  height: number
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Maps a registry role to its group; unknown or missing roles go to "other". */
export function groupOfRole(role: string | null): GroupKey {
  return role === 'production' || role === 'development' || role === 'backup' || role === 'worker'
    ? role
    : 'other'
}

export function isDense(visibleCount: number): boolean {
  return visibleCount >= DENSE_THRESHOLD
}

function colsFor(count: number, dense: boolean): number {
  if (dense) return DENSE_COLS
  return Math.max(1, Math.min(MAX_COLS, Math.ceil(Math.sqrt(count / 2))))
}

const gridWidth = (cols: number) => cols * CARD_W + (cols - 1) * GAP
const gridHeight = (rows: number) => (rows > 0 ? rows * CARD_H + (rows - 1) * GAP : 0)

/** Computes the whole layout. O(n log n) for the sort, then O(shown cards). */
export function computeLayout(input: LayoutInput): TopologyLayout {
  const dense = isDense(input.nodes.length)
  const present = new Set<string>()
  for (const n of input.nodes) present.add(n.id)
  const hubIds = [...new Set(input.hubs)]
    .filter((id) => present.has(id))
    .sort(byId)
    .slice(0, MAX_PINNED_HUBS)
  const pinned = new Set(hubIds)

  const members = new Map<GroupKey, string[]>()
  for (const n of input.nodes) {
    if (pinned.has(n.id)) continue
    let list = members.get(n.group)
    if (!list) members.set(n.group, (list = []))
    list.push(n.id)
  }
  const collapsed = new Set(input.collapsed)
  const cards: CardPlacement[] = []

  // Hubs row: always cards, whatever the mode; they are few and every service edge ends on one.
  const hubsWidth = hubIds.length > 0 ? gridWidth(hubIds.length) + 2 * GROUP_PAD : 0
  const groupSpecs = GROUP_KEYS.flatMap((key) => {
    const ids = members.get(key)
    if (!ids || ids.length === 0) return []
    ids.sort(byId)
    const cols = colsFor(ids.length, dense)
    let mode: GroupLayout['mode']
    let shownCount: number
    if (dense) {
      mode = 'tile'
      shownCount = Math.min(ids.length, Math.max(0, Math.floor(input.shown[key] ?? 0)))
    } else if (collapsed.has(key)) {
      mode = 'collapsed'
      shownCount = 0
    } else {
      mode = 'cards'
      shownCount = ids.length
    }
    const rows = Math.ceil(shownCount / cols)
    const width = gridWidth(cols) + 2 * GROUP_PAD
    const more = dense && shownCount < ids.length
    const height =
      GROUP_HEADER_H +
      (mode === 'tile' ? TILE_H : 0) +
      (rows > 0 ? gridHeight(rows) + GAP : 0) +
      (more ? MORE_H + GAP : 0) +
      GROUP_PAD
    return [{ key, ids, cols, mode, shownCount, rows, width, height, more }]
  })

  const groupsWidth =
    groupSpecs.reduce((sum, g) => sum + g.width, 0) + Math.max(0, groupSpecs.length - 1) * GROUP_GAP
  const width = Math.max(REGISTRY_W, hubsWidth, groupsWidth)
  const centre = width / 2
  const registry: Rect = { x: centre - REGISTRY_W / 2, y: 0, width: REGISTRY_W, height: REGISTRY_H }
  const groups: GroupLayout[] = []

  let y = REGISTRY_H + ROW_GAP
  if (hubIds.length > 0) {
    const x0 = centre - hubsWidth / 2
    hubIds.forEach((id, i) => {
      cards.push({ id, x: x0 + GROUP_PAD + i * (CARD_W + GAP), y: y + GROUP_HEADER_H })
    })
    const height = GROUP_HEADER_H + CARD_H + GROUP_PAD
    groups.push({
      key: 'hubs',
      x: x0,
      y,
      width: hubsWidth,
      height,
      memberIds: hubIds,
      mode: 'cards',
      shownCount: hubIds.length,
      more: null,
    })
    y += height + ROW_GAP
  }

  let x = centre - groupsWidth / 2
  for (const g of groupSpecs) {
    const top = y + GROUP_HEADER_H + (g.mode === 'tile' ? TILE_H : 0)
    for (let i = 0; i < g.shownCount; i++) {
      const id = g.ids[i]
      if (id === undefined) break
      cards.push({
        id,
        x: x + GROUP_PAD + (i % g.cols) * (CARD_W + GAP),
        y: top + Math.floor(i / g.cols) * (CARD_H + GAP),
      })
    }
    groups.push({
      key: g.key,
      x,
      y,
      width: g.width,
      height: g.height,
      memberIds: g.ids,
      mode: g.mode,
      shownCount: g.shownCount,
      more: g.more
        ? {
            x: x + GROUP_PAD,
            y: top + (g.rows > 0 ? gridHeight(g.rows) + GAP : 0),
            width: g.width - 2 * GROUP_PAD,
            height: MORE_H,
          }
        : null,
    })
    x += g.width + GROUP_GAP
  }
  const height = groups.reduce((h, g) => Math.max(h, g.y + g.height), REGISTRY_H)
  return { dense, registry, groups, cards, width, height }
}

const hash = (s: string) => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

// Node ids hashed once: the key is recomputed on every render of the map, the ids rarely change.
const idHashes = new Map<string, number>()
function idHash(id: string): number {
  let h = idHashes.get(id)
  if (h === undefined) {
    if (idHashes.size > 100_000) idHashes.clear()
    h = hash(id)
    idHashes.set(id, h)
  }
  return h
}

/**
 * A key that changes only when the layout's input does: membership, groups, hubs, and the user's expand and
 * collapse choices. Independent of the order the registry listed the nodes in (it has none). The view
 * re-runs the layout only when it changes, so polling never costs a layout.
 */
export function layoutKey(input: LayoutInput): string {
  // Sum and xor of per-node hashes: commutative, so any order of the same members gives the same key.
  let sum = 0
  let xor = 0
  for (const n of input.nodes) {
    const h = Math.imul(idHash(n.id), 31) + GROUP_KEYS.indexOf(n.group)
    sum = (sum + h) >>> 0
    xor = (xor ^ h) >>> 0
  }
  const hubs = [...input.hubs].sort(byId).join(',')
  const collapsed = [...input.collapsed].sort(byId).join(',')
  const shown = GROUP_KEYS.map((k) => input.shown[k] ?? 0).join(',')
  return `${input.nodes.length}:${sum.toString(36)}:${xor.toString(36)}:${hash(hubs).toString(36)}:${collapsed}:${shown}`
}
