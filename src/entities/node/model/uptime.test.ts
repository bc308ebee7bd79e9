import { describe, expect, it } from 'vitest'
import { aliveSpansFromBuckets, findOutages } from './outages.ts'
import { uptimeFromBeats, uptimeFromBuckets } from './uptime.ts'

const S = 1000
const ONLINE = 45 * S
const T0 = Date.UTC(2026, 10, 29, 10, 0, 0)
/** Beats every 30 s from `from` (inclusive) to `to` (exclusive), in ms offsets from T0. */
const beats = (from: number, to: number, every = 30 * S) => {
  const out: number[] = []
  for (let t = from; t < to; t += every) out.push(T0 + t)
  return out
}
const win = (start: number, end: number) => ({ start: T0 + start, end: T0 + end })

describe('uptime from beats', () => {
  it('is 100 % when beats never leave a gap longer than the threshold', () => {
    const u = uptimeFromBeats(beats(0, 3600 * S + 1), win(0, 3600 * S), ONLINE)
    expect(u.ratio).toBe(1)
    expect(u.outages).toEqual([])
  })

  it('counts a gap of exactly the threshold as up, and one millisecond more as down (all of it)', () => {
    const exact = uptimeFromBeats([T0, T0 + ONLINE], win(0, ONLINE), ONLINE)
    expect(exact.downMs).toBe(0)
    const over = uptimeFromBeats([T0, T0 + ONLINE + 1], win(0, ONLINE + 1), ONLINE)
    expect(over.downMs).toBe(ONLINE + 1)
    expect(over.outages).toEqual([
      { start: T0, end: T0 + ONLINE + 1, durationMs: ONLINE + 1, openStart: false },
    ])
  })

  it('is 0 % over an empty history, as one ongoing outage over the whole window', () => {
    const u = uptimeFromBeats([], win(0, 3600 * S), ONLINE)
    expect(u.ratio).toBe(0)
    expect(u.outages).toEqual([{ start: T0, end: null, durationMs: 3600 * S, openStart: true }])
  })

  it('has no ratio for an empty window', () => {
    expect(uptimeFromBeats([T0], win(0, 0), ONLINE).ratio).toBeNull()
  })

  it('counts one beat: the silence before it (from the window start) and after it (to now) once past the threshold', () => {
    const u = uptimeFromBeats([T0 + 600 * S], win(0, 1200 * S), ONLINE)
    expect(u.outages).toEqual([
      { start: T0, end: T0 + 600 * S, durationMs: 600 * S, openStart: true },
      { start: T0 + 600 * S, end: null, durationMs: 600 * S, openStart: false },
    ])
    expect(u.ratio).toBe(0)
    // ...and a single recent beat within the threshold of both edges leaves the window up.
    expect(uptimeFromBeats([T0 + 40 * S], win(0, 80 * S), ONLINE).ratio).toBe(1)
  })

  it('dates a silence crossing the window start from the last beat before the window, counting only its part inside', () => {
    const ts = [...beats(-600 * S, -300 * S), ...beats(300 * S, 3600 * S + 1)]
    const u = uptimeFromBeats(ts, win(0, 3600 * S), ONLINE)
    expect(u.outages).toHaveLength(1)
    expect(u.outages[0]).toMatchObject({ start: T0 - 330 * S, end: T0 + 300 * S, openStart: false })
    expect(u.downMs).toBe(300 * S)
  })

  it('reports an ongoing outage at the window end that grows with now', () => {
    const ts = beats(0, 1800 * S)
    const at = (now: number) => uptimeFromBeats(ts, win(0, now), ONLINE)
    const last = T0 + 1770 * S
    expect(at(1770 * S + ONLINE).outages).toEqual([])
    expect(at(1770 * S + ONLINE + 1).outages).toEqual([
      { start: last, end: null, durationMs: ONLINE + 1, openStart: false },
    ])
    expect(at(3600 * S).outages[0]?.durationMs).toBe(1830 * S)
    expect(at(3600 * S).ratio).toBeCloseTo(1770 / 3600, 6)
  })

  it('finds a seeded outage in the middle with its start (last beat) and end (next beat)', () => {
    const ts = [...beats(0, 1200 * S), ...beats(1800 * S, 3600 * S + 1)]
    const u = uptimeFromBeats(ts, win(0, 3600 * S), ONLINE)
    expect(u.outages).toEqual([
      { start: T0 + 1170 * S, end: T0 + 1800 * S, durationMs: 630 * S, openStart: false },
    ])
    expect(u.upMs + u.downMs).toBe(u.windowMs)
  })

  it('does not care about order or duplicates', () => {
    const ts = [...beats(0, 600 * S)].reverse()
    expect(uptimeFromBeats([...ts, ...ts], win(0, 600 * S), ONLINE).ratio).toBe(1)
  })
})

describe('uptime from buckets', () => {
  const M = 60 * S
  const bucket = (minute: number, n = 2) => ({ start: T0 + minute * M, beats: n })

  it('is 100 % with every bucket present', () => {
    const b = Array.from({ length: 60 }, (_, i) => bucket(i))
    expect(uptimeFromBuckets(b, M, win(0, 60 * M), ONLINE).ratio).toBe(1)
  })

  it('counts an absent bucket as a silence, and an empty one too', () => {
    const b = Array.from({ length: 60 }, (_, i) => bucket(i)).filter((x) => x.start !== T0 + 10 * M)
    const u = uptimeFromBuckets(b, M, win(0, 60 * M), ONLINE)
    expect(u.outages).toEqual([{ start: T0 + 10 * M, end: T0 + 11 * M, durationMs: M, openStart: false }])
    expect(u.downMs).toBe(M)
    const withEmpty = Array.from({ length: 60 }, (_, i) => bucket(i, i === 20 ? 0 : 2))
    expect(uptimeFromBuckets(withEmpty, M, win(0, 60 * M), ONLINE).downMs).toBe(M)
  })

  it('counts missing buckets at the window start and end as down, the end one ongoing', () => {
    const b = Array.from({ length: 50 }, (_, i) => bucket(i + 5))
    const u = uptimeFromBuckets(b, M, win(0, 60 * M), ONLINE)
    expect(u.outages.map((o) => [o.start - T0, o.end === null ? null : o.end - T0])).toEqual([
      [0, 5 * M],
      [55 * M, null],
    ])
    expect(u.downMs).toBe(10 * M)
  })

  it('does not count the newest bucket up after the node’s last beat', () => {
    const b = [bucket(0), bucket(1), bucket(2)]
    const now = T0 + 3 * M
    const lastBeat = T0 + 2 * M + 5 * S
    const u = uptimeFromBuckets(b, M, { start: T0, end: now }, ONLINE, lastBeat)
    expect(u.outages).toEqual([{ start: lastBeat, end: null, durationMs: 55 * S, openStart: false }])
  })

  it('never stretches a bucket past now', () => {
    const spans = aliveSpansFromBuckets([bucket(0)], M, { now: T0 + 20 * S })
    expect(spans).toEqual([{ start: T0, end: T0 + 20 * S }])
  })

  it('treats buckets shorter than the threshold like beats: one absent 30 s bucket is no outage', () => {
    const half = 30 * S
    const b = [0, 1, 3, 4].map((i) => ({ start: T0 + i * half, beats: 1 }))
    expect(uptimeFromBuckets(b, half, { start: T0, end: T0 + 5 * half }, ONLINE).ratio).toBe(1)
  })
})

describe('thin buckets', () => {
  const H = 3600 * S
  it('counts the beats an hour bucket is missing as down, once past the threshold', () => {
    // 40 minutes silent inside the second hour: 40 beats instead of 120.
    const b = [
      { start: T0, beats: 120 },
      { start: T0 + H, beats: 40 },
      { start: T0 + 2 * H, beats: 119 },
    ]
    const u = uptimeFromBuckets(b, H, { start: T0, end: T0 + 3 * H }, ONLINE, T0 + 3 * H, 30 * S)
    expect(u.downMs).toBe(80 * 30 * S)
    expect(u.outages).toEqual([])
  })

  it('leaves the newest bucket to the ongoing outage, and buckets cut by the window alone', () => {
    const b = [
      { start: T0, beats: 10 },
      { start: T0 + H, beats: 10 },
    ]
    const lastBeat = T0 + H + 5 * 60 * S
    const window = { start: T0 + 1, end: T0 + 2 * H }
    const u = uptimeFromBuckets(b, H, window, ONLINE, lastBeat, 30 * S)
    // Only the ongoing silence from the last beat counts; neither bucket is wholly in the window and before it.
    expect(u.downMs).toBe(T0 + 2 * H - lastBeat)
  })
})

describe('findOutages', () => {
  it('returns nothing for an inverted window', () => {
    expect(findOutages([], { start: T0, end: T0 - 1 }, ONLINE)).toEqual([])
  })
})
