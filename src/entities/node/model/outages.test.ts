import { describe, expect, it } from 'vitest'
import { aliveSpansFromObserved, findOutages } from './outages.ts'

const S = 1000
const MIN = 60 * S
const ONLINE = 45 * S
const T0 = Date.UTC(2026, 10, 29, 10, 0, 0)

describe('aliveSpansFromObserved', () => {
  it('bridges a gap the page did not watch and keeps a silence it did', () => {
    const beats = [
      // Seen once, then the tab was hidden for 10 minutes: nothing is known of the gap.
      { ts: T0, seenUntil: T0 + 7.5 * S },
      // Polls kept showing this beat for 4 minutes: the page watched the node silent.
      { ts: T0 + 10 * MIN, seenUntil: T0 + 14 * MIN },
      { ts: T0 + 14 * MIN + 5 * S, seenUntil: T0 + 14 * MIN + 5 * S },
    ]
    const spans = aliveSpansFromObserved(beats, ONLINE)
    expect(spans).toEqual([
      { start: T0, end: T0 + 10 * MIN },
      { start: T0 + 14 * MIN + 5 * S, end: T0 + 14 * MIN + 5 * S },
    ])
    // The whole watched gap is the outage: from the beat the page saw last to the one it saw next.
    expect(findOutages(spans, { start: T0, end: T0 + 14 * MIN + 5 * S }, ONLINE)).toEqual([
      { start: T0 + 10 * MIN, end: T0 + 14 * MIN + 5 * S, durationMs: 4 * MIN + 5 * S, openStart: false },
    ])
  })

  it('counts a beat seen exactly as old as the online threshold as not watched silent', () => {
    const spans = aliveSpansFromObserved(
      [
        { ts: T0, seenUntil: T0 + ONLINE },
        { ts: T0 + 5 * MIN, seenUntil: T0 + 5 * MIN },
      ],
      ONLINE,
    )
    expect(spans).toEqual([{ start: T0, end: T0 + 5 * MIN }])
  })

  it('reads the newest beat alone as a beat: the silence after it is the caller’s to judge', () => {
    expect(aliveSpansFromObserved([{ ts: T0, seenUntil: T0 + 10 * MIN }], ONLINE)).toEqual([
      { start: T0, end: T0 },
    ])
    expect(aliveSpansFromObserved([], ONLINE)).toEqual([])
  })
})
