import { describe, expect, it } from 'vitest'
import { seriesFromBeats } from '@/entities/node/model/history-range.ts'
import { drawMetricsChart, nearestIndex } from './draw-metrics-chart.ts'

/** A 2D context that only counts what is drawn (jsdom has no canvas). */
function recordingContext() {
  const calls = { moveTo: 0, lineTo: 0, stroke: 0, fillRect: 0 }
  const ctx = new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop in calls)
          return () => {
            calls[prop as keyof typeof calls]++
          }
        return () => undefined
      },
      set: () => true,
    },
  ) as unknown as CanvasRenderingContext2D
  return { ctx, calls }
}

const theme = { text: '#000', grid: '#ccc', cpu: '#00f', mem: '#0f0', disk: '#f80', font: '11px sans-serif' }
const T0 = Date.UTC(2026, 10, 29)

describe('drawMetricsChart', () => {
  it('strokes at most four points per pixel column, whatever the number of points', () => {
    const n = 100_000
    const beats = Array.from({ length: n }, (_, i) => ({
      timestamp: T0 + i * 30_000,
      metrics: { cpu_percent: (i * 7) % 100, memory_percent: 40, disk_percent: 60 },
    }))
    const series = seriesFromBeats(beats, 45_000)
    const { ctx } = recordingContext()
    const size = { width: 800, height: 220, dpr: 2 }
    const stroked = drawMetricsChart(ctx, series, size, theme)
    expect(stroked).toBeGreaterThan(0)
    expect(stroked).toBeLessThanOrEqual(3 * 4 * 800)
  })

  it('lifts the pen over a silence instead of joining across it', () => {
    const at = (min: number) => ({
      timestamp: T0 + min * 60_000,
      metrics: { cpu_percent: 10, memory_percent: 20, disk_percent: 30 },
    })
    const series = seriesFromBeats([at(0), at(0.5), at(1), at(30), at(30.5)], 45_000)
    const { ctx, calls } = recordingContext()
    drawMetricsChart(ctx, series, { width: 600, height: 200, dpr: 1 }, theme)
    // Per metric: one pen-down at the start and one after the silence, plus the grid's five lines.
    expect(calls.moveTo).toBe(5 + 3 * 2)
  })

  it('finds the nearest point by time', () => {
    expect(nearestIndex([], 5)).toBe(-1)
    expect(nearestIndex([0, 10, 20], 14)).toBe(1)
    expect(nearestIndex([0, 10, 20], 16)).toBe(2)
    expect(nearestIndex([0, 10, 20], -5)).toBe(0)
    expect(nearestIndex([0, 10, 20], 99)).toBe(2)
  })
})
