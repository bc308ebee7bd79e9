import { describe, expect, it } from 'vitest'
import {
  DEFAULT_THRESHOLDS,
  classifyReportedStatus,
  livenessOf,
  nextLivenessChange,
  thresholdsFromConfig,
} from './liveness.ts'

const t = { onlineMs: 45_000, offlineMs: 120_000 }
const NOW = Date.UTC(2026, 10, 29, 9)

describe('livenessOf at the edges', () => {
  it.each([
    ['no heartbeat ever', null, 'unknown'],
    ['a heartbeat this instant', NOW, 'online'],
    ['exactly at the online threshold', NOW - 45_000, 'online'],
    ['one ms past it', NOW - 45_001, 'stale'],
    ['exactly at the offline threshold', NOW - 120_000, 'stale'],
    ['one ms past it', NOW - 120_001, 'offline'],
    ['days ago', NOW - 3 * 86_400_000, 'offline'],
    ['from the future (clock skew)', NOW + 60_000, 'online'],
  ] as const)('%s → %s', (_, lb, expected) => {
    expect(livenessOf(lb, NOW, t)).toBe(expected)
  })
})

describe('thresholdsFromConfig', () => {
  it('online = interval + grace, offline from the configuration', () => {
    expect(
      thresholdsFromConfig({ heartbeatIntervalSeconds: 30, graceSeconds: 15, offlineAfterSeconds: 120 }),
    ).toEqual(DEFAULT_THRESHOLDS)
  })

  it('never puts the offline threshold inside the online window', () => {
    expect(
      thresholdsFromConfig({ heartbeatIntervalSeconds: 60, graceSeconds: 30, offlineAfterSeconds: 30 }),
    ).toEqual({
      onlineMs: 90_000,
      offlineMs: 90_000,
    })
    // With both equal there is no stale phase: online up to the threshold, offline one ms after.
    const same = { onlineMs: 90_000, offlineMs: 90_000 }
    expect(livenessOf(NOW - 90_000, NOW, same)).toBe('online')
    expect(livenessOf(NOW - 90_001, NOW, same)).toBe('offline')
  })
})

describe('nextLivenessChange', () => {
  it('is the first ms past each threshold, then never', () => {
    const lb = NOW - 10_000
    expect(nextLivenessChange(lb, NOW, t)).toBe(lb + 45_001)
    expect(livenessOf(lb, lb + 45_001, t)).toBe('stale')
    expect(nextLivenessChange(lb, lb + 45_001, t)).toBe(lb + 120_001)
    expect(livenessOf(lb, lb + 120_001, t)).toBe('offline')
    expect(nextLivenessChange(lb, lb + 120_001, t)).toBeNull()
    expect(nextLivenessChange(null, NOW, t)).toBeNull()
  })
})

describe('classifyReportedStatus', () => {
  it.each([
    [null, 'none'],
    ['online', 'online'],
    [' Maintenance ', 'maintenance'],
    ['DEGRADED', 'degraded'],
    ['offline', 'offline'],
    ['banana', 'other'],
    ['', 'other'],
  ] as const)('%j → %s', (status, expected) => {
    expect(classifyReportedStatus(status)).toBe(expected)
  })
})
