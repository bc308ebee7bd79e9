// Figures measured on the harness page (scripts/bench/harness.html): the chart's draw function on a real
// canvas, and the presence model's simulated hours.
import { listRuns, median } from './stats.mjs'

const HARNESS = '/scripts/bench/harness.html'

async function openHarness(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(`${baseUrl}${HARNESS}`)
  await page.waitForFunction(() => window.__bench !== undefined)
  return { context, page }
}

export async function chartFigures({ browser, baseUrl, runs }) {
  const { context, page } = await openHarness(browser, baseUrl)
  try {
    const result = await page.evaluate((n) => window.__bench.chart(100_000, n), runs)
    if (result === null) {
      return [
        {
          name: 'chart_render_ms_100k',
          value: null,
          unit: 'ms',
          budget: 150,
          note: 'MISSING: drawMetricsChart not found',
        },
      ]
    }
    const ms = result.map((r) => r.ms)
    return [
      {
        name: 'chart_render_ms_100k',
        value: median(ms),
        unit: 'ms',
        budget: 150,
        note: `100,000 beats → seriesFromBeats → drawMetricsChart on a 1200×240 canvas, raster forced (getImageData); ${result[0].stroked} points stroked after thinning; median of ${runs} (${listRuns(ms)})`,
      },
    ]
  } finally {
    await context.close()
  }
}

const PRESENCE = [
  { scenario: 'active', name: 'presence_writes_per_h_active', budget: 2 },
  { scenario: 'idle', name: 'presence_writes_per_h_idle', budget: 2 },
  { scenario: 'tabswitch', name: 'presence_writes_per_h_tabswitch', budget: 120 },
]

export async function presenceFigures({ browser, baseUrl }) {
  const { context, page } = await openHarness(browser, baseUrl)
  try {
    const figures = []
    let limited = 0
    const limitedBy = []
    for (const p of PRESENCE) {
      const r = await page.evaluate((s) => window.__bench.presence(s), p.scenario)
      if (r === null) {
        return [...PRESENCE, { name: 'presence_rate_limited_per_h', budget: 0 }].map((f) => ({
          name: f.name,
          value: null,
          unit: f.name.endsWith('limited_per_h') ? '429/h' : 'writes/h',
          budget: f.budget,
          note: 'MISSING: simulatePresenceHour not found',
        }))
      }
      limited += r.rateLimited
      limitedBy.push(`${p.scenario} ${r.rateLimited}`)
      figures.push({
        name: p.name,
        value: r.writes,
        unit: 'writes/h',
        budget: p.budget,
        note: `simulatePresenceHour('${p.scenario}'): presence PUTs in one simulated hour (the earlier hook: 120)`,
      })
    }
    figures.push({
      name: 'presence_rate_limited_per_h',
      value: limited,
      unit: '429/h',
      budget: 0,
      note: `429 answers from the rate-limited stand-in server, all three hours (${limitedBy.join(', ')})`,
    })
    return figures
  } finally {
    await context.close()
  }
}
