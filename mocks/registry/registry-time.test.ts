import { describe, expect, it } from 'vitest'
import { formatRegistryTime, parseQueryTime } from './registry-time.ts'

const T = Date.UTC(2026, 10, 29, 7, 22, 53, 364)

describe("the mock registry's own time parser", () => {
  it('reads every style the registry writes, and the browser sends', () => {
    for (const style of ['naive', 'offset', 'zulu'] as const)
      expect(parseQueryTime(formatRegistryTime(T, style))).toBe(T)
    expect(parseQueryTime(new Date(T).toISOString())).toBe(T)
    expect(parseQueryTime('2026-11-29T09:22:53.364+02:00')).toBe(T)
    expect(parseQueryTime('2026-11-29 07:22')).toBe(Date.UTC(2026, 10, 29, 7, 22))
  })

  it('rejects what the service answers 422 for', () => {
    for (const bad of [
      'yesterday',
      '',
      '2026-11-29',
      '2026-02-30T00:00:00',
      '2026-11-29T24:00:00',
      '1764400973',
    ])
      expect(parseQueryTime(bad)).toBeNull()
  })
})
