import { describe, expect, it } from 'vitest'
import type { BucketSums } from '../src/db/heartbeats-repo.ts'
import { mergeBuckets } from '../src/services/bucket-history.ts'

const HOUR = 3_600_000
const minute = (start: number, statuses: Record<string, number>, cpu: [number, number]): BucketSums => ({
  start,
  beats: Object.values(statuses).reduce((a, b) => a + b, 0),
  statuses,
  sums: [cpu[0], 0, 0],
  counts: [cpu[1], 0, 0],
})

describe('minute buckets merged into hours', () => {
  it('adds beats, statuses, sums and counts into the hour that holds each minute', () => {
    const merged = mergeBuckets(HOUR, [
      minute(10 * HOUR, { online: 2 }, [10, 2]),
      minute(10 * HOUR + 60_000, { online: 1, maintenance: 1 }, [30, 1]),
      minute(11 * HOUR, { online: 2 }, [5, 1]),
    ])
    expect(merged).toEqual([
      {
        start: 10 * HOUR,
        beats: 4,
        statuses: { online: 3, maintenance: 1 },
        sums: [40, 0, 0],
        counts: [3, 0, 0],
      },
      { start: 11 * HOUR, beats: 2, statuses: { online: 2 }, sums: [5, 0, 0], counts: [1, 0, 0] },
    ])
  })

  it('keeps a status named like an object property as a status', () => {
    const statuses = JSON.parse('{"__proto__": 1, "constructor": 2}') as Record<string, number>
    const [hour] = mergeBuckets(HOUR, [minute(0, statuses, [0, 0]), minute(60_000, statuses, [0, 0])])
    expect(JSON.parse(JSON.stringify(hour?.statuses))).toEqual(
      JSON.parse('{"__proto__": 2, "constructor": 4}'),
    )
  })
})
