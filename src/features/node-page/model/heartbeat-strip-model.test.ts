import { describe, expect, it } from 'vitest'
import { beatAtX, classifyBeats } from './heartbeat-strip-model.ts'

const T = { onlineMs: 45_000, offlineMs: 120_000 }
const beat = (s: number, status: string | null = 'online') => ({ timestamp: s * 1000, status })

describe('classifyBeats', () => {
  it('colours by the gap before each beat first, then by the reported status', () => {
    const tones = classifyBeats(
      [
        beat(0),
        beat(30),
        beat(75),
        beat(76),
        beat(196),
        beat(197),
        beat(318),
        beat(319, 'maintenance'),
        beat(320, 'degraded'),
        beat(321, 'banana'),
      ],
      T,
    ).map((b) => b.tone)
    expect(tones).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'late',
      'ok',
      'afterSilence',
      'maintenance',
      'degraded',
      'otherStatus',
    ])
  })

  it('gives the first beat no gap', () => {
    expect(classifyBeats([beat(10)], T)[0]?.gapMs).toBeNull()
  })

  it('reads a gap over the offline threshold as after a silence, even with a status', () => {
    expect(classifyBeats([beat(0), beat(500, 'maintenance')], T)[1]?.tone).toBe('afterSilence')
  })

  it('draws beats in a maintenance window, and the first after a silence during one, as maintenance', () => {
    const window = { start: 100_000, end: 400_000 }
    const tones = classifyBeats(
      [beat(0), beat(30), beat(500), beat(530), beat(150), beat(160)].sort(
        (a, b) => a.timestamp - b.timestamp,
      ),
      T,
      [window],
    ).map((b) => b.tone)
    // 0, 30: before; 150, 160: inside; 500: after a silence from 160 that overlaps the window; 530: after.
    expect(tones).toEqual(['ok', 'ok', 'maintenance', 'maintenance', 'maintenance', 'ok'])
  })
})

describe('beatAtX', () => {
  it('maps x to the beat under it, right-aligned, and empty slots to null', () => {
    // 10 slots of 10 px, 4 beats in the last four slots.
    expect(beatAtX(5, 100, 10, 4)).toBeNull()
    expect(beatAtX(61, 100, 10, 4)).toBe(0)
    expect(beatAtX(99, 100, 10, 4)).toBe(3)
  })
})
