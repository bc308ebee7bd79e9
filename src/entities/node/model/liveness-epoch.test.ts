import { describe, expect, it } from 'vitest'
import { livenessOf, type LivenessThresholds } from './liveness.ts'
import { livenessBoundaries, livenessEpoch } from './liveness-epoch.ts'

const t: LivenessThresholds = { onlineMs: 45_000, offlineMs: 120_000 }

describe('livenessEpoch', () => {
  const beats = [1_000_000, 1_010_000, null, 1_200_000]
  const b = livenessBoundaries(beats, t)

  it('lists both flips of every node that ever beat, ascending', () => {
    expect(b).toEqual([1_045_001, 1_055_001, 1_120_001, 1_130_001, 1_245_001, 1_320_001])
  })

  it('gives the same liveness as now for every node, at every instant around the flips', () => {
    const instants = [0, 1_000_000, 1_045_000, 1_045_001, 1_050_000, 1_120_000, 1_120_001, 1_400_000]
    for (const now of instants) {
      const e = livenessEpoch(b, now)
      for (const lb of beats) expect(livenessOf(lb, e, t)).toBe(livenessOf(lb, now, t))
    }
  })

  it('stays put between flips and moves when one is crossed', () => {
    expect(livenessEpoch(b, 1_046_000)).toBe(livenessEpoch(b, 1_054_000))
    expect(livenessEpoch(b, 1_055_000)).not.toBe(livenessEpoch(b, 1_055_001))
    expect(livenessEpoch(b, 5)).toBe(livenessEpoch(b, 1_045_000))
  })

  it('is constant when no node ever beat', () => {
    expect(livenessEpoch([], 123)).toBe(livenessEpoch([], 456))
  })
})
