import { memo, useEffect, useRef, useState, type MouseEvent } from 'react'
import { METRICS, type MetricKey, type MetricSeries } from '@/entities/node/model/history-range.ts'
import { useLang, type Lang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { dateTimeFormat, formatDateTime } from '@/lib/time/format-time.ts'
import {
  CHART_PADDING,
  METRIC_DASH,
  drawMetricsChart,
  nearestIndex,
  plotArea,
} from '../canvas/draw-metrics-chart.ts'
import { nodePageMessages } from '../node-page-messages.ts'
import { fitCanvas, useCanvasSize } from '../hooks/use-canvas-size.ts'
import { useThemeColours, type ThemeColours } from '../hooks/use-theme-colours.ts'

const HEIGHT = 220
export const metricColour = (c: ThemeColours): Record<MetricKey, string> => ({
  cpu: c.accent,
  mem: c.ok,
  disk: c.warn,
})
const METRIC_LABEL = { cpu: 'cpu', mem: 'memory', disk: 'disk' } as const

function tickFormatter(from: number, to: number, lang: Lang) {
  const long = to - from > 36 * 3_600_000
  const f = dateTimeFormat(
    lang,
    long ? { day: '2-digit', month: '2-digit' } : { hour: '2-digit', minute: '2-digit' },
  )
  return (t: number) => f.format(t)
}

/**
 * The CPU / memory / disk chart for one range. Draws on a HiDPI-sized canvas only when the data, the box
 * size or the theme change (a ResizeObserver reports the size); hovering shows the nearest point's values.
 */
export const MetricsChart = memo(function MetricsChart({
  series,
  domain,
  label,
}: {
  series: MetricSeries
  domain: { from: number; to: number }
  label: string
}) {
  const t = useT(nodePageMessages)
  const lang = useLang()
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const [boxRef, size] = useCanvasSize(HEIGHT)
  const colours = useThemeColours()
  const [hover, setHover] = useState<{ i: number; x: number } | null>(null)

  useEffect(() => {
    const canvas = canvasRef.current
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx || !size) return
    fitCanvas(canvas, size)
    drawMetricsChart(
      ctx,
      series,
      size,
      {
        text: colours.muted,
        grid: colours.border,
        font: '11px system-ui, sans-serif',
        ...metricColour(colours),
      },
      { from: domain.from, to: domain.to, formatTick: tickFormatter(domain.from, domain.to, lang) },
    )
  }, [series, size, colours, domain.from, domain.to, lang])

  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    if (!size) return
    const area = plotArea(size)
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left
    const time = domain.from + ((x - area.x) / area.w) * (domain.to - domain.from)
    const i = nearestIndex(series.t, time)
    if (i < 0) {
      setHover(null)
      return
    }
    const px = area.x + (((series.t[i] ?? 0) - domain.from) / (domain.to - domain.from)) * area.w
    setHover({ i, x: px })
  }

  const colour = metricColour(colours)
  const fmt = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : `${v.toFixed(1)}%`)

  return (
    <figure className="m-0">
      <div
        ref={boxRef}
        role="img"
        aria-label={label}
        className="relative w-full"
        style={{ height: HEIGHT }}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setHover(null)}
      >
        <canvas ref={canvasRef} className="block" />
        {hover && (
          <>
            <div
              aria-hidden="true"
              className="pointer-events-none absolute w-px bg-muted/60"
              style={{ left: hover.x, top: CHART_PADDING.top, bottom: CHART_PADDING.bottom }}
            />
            <div
              aria-hidden="true"
              className="pointer-events-none absolute top-2 z-10 rounded-md border border-border bg-raised px-2 py-1 text-xs shadow-md"
              style={
                hover.x > (size?.width ?? 0) / 2
                  ? { right: (size?.width ?? 0) - hover.x + 8 }
                  : { left: hover.x + 8 }
              }
            >
              <div className="font-medium">{formatDateTime(series.t[hover.i] ?? 0, lang)}</div>
              {METRICS.map((k) => (
                <div key={k}>
                  {t(METRIC_LABEL[k])}: {fmt(series[k][hover.i])}
                </div>
              ))}
            </div>
          </>
        )}
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-muted">
        {METRICS.map((k) => (
          <span key={k} className="inline-flex items-center gap-1.5">
            <svg width="22" height="8" aria-hidden="true">
              <line
                x1="0"
                y1="4"
                x2="22"
                y2="4"
                stroke={colour[k]}
                strokeWidth="2"
                strokeDasharray={METRIC_DASH[k].join(' ') || undefined}
              />
            </svg>
            {t(METRIC_LABEL[k])}
          </span>
        ))}
      </figcaption>
    </figure>
  )
})
