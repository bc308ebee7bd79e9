import {
  METRICS,
  thinMetrics,
  type MetricKey,
  type MetricSeries,
} from '@/entities/node/model/history-range.ts'

/**
 * Drawing the CPU / memory / disk chart on a 2D canvas context. Pure over its arguments (no DOM reads, no
 * React), so the page, a test and the benchmark call the same code: `drawMetricsChart(ctx, series, size,
 * theme, view)` thins every metric to the plot's pixel width, then strokes it. 100,000 points draw in a few
 * milliseconds because at most four points per pixel column are ever stroked.
 */
export interface ChartSize {
  /** CSS pixels. */
  width: number
  height: number
  /** devicePixelRatio: the backing store is `width * dpr` pixels wide, so lines stay crisp on HiDPI. */
  dpr: number
}

export interface ChartTheme {
  text: string
  grid: string
  cpu: string
  mem: string
  disk: string
  font: string
}

export interface ChartView {
  /** The time range on the x axis (ms). Defaults to the data's extent. */
  from: number
  to: number
  /** Label for an x-axis tick. */
  formatTick: (t: number) => string
}

/** Dash patterns, so the three lines differ by more than colour. */
export const METRIC_DASH: Record<MetricKey, number[]> = { cpu: [], mem: [6, 3], disk: [2, 3] }

export const CHART_PADDING = { left: 40, right: 10, top: 8, bottom: 22 }

/** The plot area inside the padding, in CSS pixels. */
export function plotArea(size: Pick<ChartSize, 'width' | 'height'>) {
  const p = CHART_PADDING
  return {
    x: p.left,
    y: p.top,
    w: Math.max(1, size.width - p.left - p.right),
    h: Math.max(1, size.height - p.top - p.bottom),
  }
}

const defaultTick = (t: number) => {
  const d = new Date(t)
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

/** Draws the chart; returns the number of points stroked (after thinning), for tests and the benchmark. */
export function drawMetricsChart(
  ctx: CanvasRenderingContext2D,
  series: MetricSeries,
  size: ChartSize,
  theme: ChartTheme,
  view?: Partial<ChartView>,
): number {
  const n = series.t.length
  const from = view?.from ?? (n > 0 ? (series.t[0] ?? 0) : 0)
  const to = view?.to ?? (n > 0 ? (series.t[n - 1] ?? 1) : 1)
  const formatTick = view?.formatTick ?? defaultTick
  const span = Math.max(1, to - from)
  const area = plotArea(size)

  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0)
  ctx.clearRect(0, 0, size.width, size.height)
  ctx.font = theme.font
  ctx.lineWidth = 1

  // Grid and y labels: 0, 25, 50, 75, 100 %.
  ctx.strokeStyle = theme.grid
  ctx.fillStyle = theme.text
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  ctx.setLineDash([])
  ctx.beginPath()
  for (let p = 0; p <= 100; p += 25) {
    // Half-pixel offsets keep 1 px lines sharp.
    const y = Math.round(area.y + area.h - (p / 100) * area.h) + 0.5
    ctx.moveTo(area.x, y)
    ctx.lineTo(area.x + area.w, y)
    ctx.fillText(`${p}%`, area.x - 6, y)
  }
  ctx.stroke()

  // X ticks: about one per 120 px.
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  const ticks = Math.max(2, Math.min(8, Math.floor(area.w / 120)))
  for (let i = 0; i <= ticks; i++) {
    const t = from + (span * i) / ticks
    const x = area.x + (area.w * i) / ticks
    ctx.textAlign = i === 0 ? 'left' : i === ticks ? 'right' : 'center'
    ctx.fillText(formatTick(t), x, area.y + area.h + 6)
  }

  const thinned = thinMetrics(series, Math.round(area.w), { from, to })
  const xOf = (t: number) => area.x + ((t - from) / span) * area.w
  const yOf = (v: number) => area.y + area.h - (Math.min(100, Math.max(0, v)) / 100) * area.h
  let stroked = 0
  ctx.save()
  ctx.beginPath()
  ctx.rect(area.x, area.y - 1, area.w, area.h + 2)
  ctx.clip()
  ctx.lineWidth = 1.5
  ctx.lineJoin = 'round'
  for (const key of METRICS) {
    const { t, v } = thinned[key]
    ctx.strokeStyle = theme[key]
    ctx.fillStyle = theme[key]
    ctx.setLineDash(METRIC_DASH[key])
    ctx.beginPath()
    let prevT = -Infinity
    let runLength = 0
    for (let i = 0; i < t.length; i++) {
      const ti = t[i] ?? 0
      const x = xOf(ti)
      const y = yOf(v[i] ?? 0)
      if (ti - prevT > series.gapMs) {
        // A silence: lift the pen. A lone point before it gets a dot, or it would vanish.
        if (runLength === 1) dot(ctx, t[i - 1] ?? 0, v[i - 1] ?? 0, xOf, yOf)
        ctx.moveTo(x, y)
        runLength = 1
      } else {
        ctx.lineTo(x, y)
        runLength++
      }
      prevT = ti
    }
    ctx.stroke()
    if (runLength === 1 && t.length > 0) dot(ctx, t[t.length - 1] ?? 0, v[v.length - 1] ?? 0, xOf, yOf)
    stroked += t.length
  }
  ctx.restore()
  ctx.setLineDash([])
  return stroked
}

function dot(
  ctx: CanvasRenderingContext2D,
  t: number,
  v: number,
  xOf: (t: number) => number,
  yOf: (v: number) => number,
) {
  ctx.save()
  ctx.setLineDash([])
  ctx.fillRect(xOf(t) - 1.5, yOf(v) - 1.5, 3, 3)
  ctx.restore()
}

/** Index of the point nearest to time `t` in ascending `times` (binary search); -1 when empty. */
export function nearestIndex(times: ArrayLike<number>, t: number): number {
  const n = times.length
  if (n === 0) return -1
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((times[mid] ?? 0) < t) lo = mid + 1
    else hi = mid
  }
  if (lo > 0 && Math.abs((times[lo - 1] ?? 0) - t) <= Math.abs((times[lo] ?? 0) - t)) return lo - 1
  return lo
}
