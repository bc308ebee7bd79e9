/// <reference types="vite/client" />
/**
 * The benchmark's harness page (built only with NODE_CONSOLE_BENCH=1): the pure pieces the app is made of,
 * exposed on `window.__bench` so scripts/bench.mjs can time them in a real browser, on a real canvas.
 *
 * Modules are found with `import.meta.glob`, so a piece that does not exist yet is reported as missing
 * instead of breaking the build.
 */
import type { MetricSeries } from '@/entities/node/model/history-range.ts'

type Loader = () => Promise<unknown>

const chartModules: Record<string, Loader> = import.meta.glob(
  '/src/features/node-page/canvas/draw-metrics-chart.ts',
)
const historyModules: Record<string, Loader> = import.meta.glob('/src/entities/node/model/history-range.ts')
const presenceModules: Record<string, Loader> = import.meta.glob(
  '/src/features/presence/testing/presence-simulation.ts',
)

async function load<T>(modules: Record<string, Loader>, exportName: string): Promise<T | null> {
  const loader = Object.values(modules)[0]
  if (!loader) return null
  const mod = (await loader()) as Record<string, unknown>
  return (mod[exportName] as T | undefined) ?? null
}

type DrawMetricsChart = (
  ctx: CanvasRenderingContext2D,
  series: MetricSeries,
  size: { width: number; height: number; dpr: number },
  theme: Record<string, string>,
) => number
type SeriesFromBeats = (
  beats: readonly { timestamp: number; metrics: Record<string, number> | null }[],
  gapMs: number,
) => MetricSeries
type SimulatePresenceHour = (
  scenario: 'active' | 'idle' | 'tabswitch',
) => Promise<{ writes: number; rateLimited: number }>

/** `n` heartbeats 30 s apart with wandering metrics and a few silences, like a month of one node. */
function syntheticBeats(n: number) {
  const start = Date.UTC(2026, 0, 1)
  const beats: { timestamp: number; metrics: Record<string, number> | null }[] = []
  let seed = 7
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
  let t = start
  for (let i = 0; i < n; i++) {
    t += rnd() < 0.001 ? 3_600_000 : 30_000 + Math.floor(rnd() * 1500)
    beats.push({
      timestamp: t,
      metrics: {
        cpu_percent: 50 + 40 * Math.sin(i / 300) * rnd(),
        memory_percent: 40 + 20 * Math.sin(i / 5000) + 5 * rnd(),
        disk_percent: 60 + i / n,
      },
    })
  }
  return beats
}

const theme = {
  text: '#333',
  grid: '#ddd',
  cpu: '#2563eb',
  mem: '#16a34a',
  disk: '#d97706',
  font: '11px system-ui, sans-serif',
}

export interface ChartRun {
  /** Beats → series → pixels, including the canvas flush. */
  ms: number
  /** Points stroked after thinning (the draw function's return value). */
  stroked: number
}

const bench = {
  /** Draws the metrics chart with `points` beats `runs` times; null when the chart does not exist yet. */
  async chart(points: number, runs: number): Promise<ChartRun[] | null> {
    const draw = await load<DrawMetricsChart>(chartModules, 'drawMetricsChart')
    const toSeries = await load<SeriesFromBeats>(historyModules, 'seriesFromBeats')
    if (!draw || !toSeries) return null
    const canvas = document.getElementById('chart') as HTMLCanvasElement
    const size = { width: 1200, height: 240, dpr: 1 }
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2D context')
    const beats = syntheticBeats(points)
    const out: ChartRun[] = []
    for (let i = 0; i < runs; i++) {
      ctx.clearRect(0, 0, canvas.width, canvas.height)
      ctx.getImageData(0, 0, 1, 1)
      const t0 = performance.now()
      const stroked = draw(ctx, toSeries(beats, 90_000), size, theme)
      // Canvas drawing is deferred until something needs the pixels: reading one forces the raster.
      ctx.getImageData(0, 0, 1, 1)
      out.push({ ms: performance.now() - t0, stroked })
      // Let the page breathe between runs, as frames would.
      await new Promise((r) => setTimeout(r, 30))
    }
    return out
  },

  /** One simulated hour of the presence model; null when it does not exist yet. */
  async presence(scenario: 'active' | 'idle' | 'tabswitch') {
    const simulate = await load<SimulatePresenceHour>(presenceModules, 'simulatePresenceHour')
    return simulate ? simulate(scenario) : null
  },
}

declare global {
  interface Window {
    __bench?: typeof bench
  }
}

window.__bench = bench
document.title = 'bench harness ready'
