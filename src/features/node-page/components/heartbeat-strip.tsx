import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { LivenessThresholds } from '@/entities/node/model/liveness.ts'
import type { TimeWindow } from '@/entities/node/model/outages.ts'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime, formatDuration } from '@/lib/time/format-time.ts'
import {
  beatAtX,
  classifyBeats,
  drawHeartbeatStrip,
  stripSlot,
  type ClassifiedBeat,
  type StripBeat,
} from '../model/heartbeat-strip-model.ts'
import { nodePageMessages } from '../node-page-messages.ts'
import { fitCanvas, useCanvasSize } from '../hooks/use-canvas-size.ts'
import { useThemeColours } from '../hooks/use-theme-colours.ts'

const HEIGHT = 32
const pct = (v: number | null | undefined) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—')

/**
 * The last beats as a canvas strip, newest on the right. Keyboard: the strip is a slider over the beats
 * (arrows, Home, End); the highlighted beat's details show in a tooltip that is also an aria-live region.
 */
export function HeartbeatStrip({
  beats,
  thresholds,
  slots = 120,
  emptyText,
  unreachable = false,
  maintenance,
}: {
  beats: readonly StripBeat[]
  thresholds: LivenessThresholds
  slots?: number
  /** What to say when there is no beat to draw (default: none yet). */
  emptyText?: string
  /** The registry cannot be read: an empty strip is not "no heartbeats yet". */
  unreachable?: boolean
  /** Maintenance windows: beats in them (and after a silence during one) are drawn as maintenance. */
  maintenance?: readonly TimeWindow[]
}) {
  const t = useT(nodePageMessages)
  const lang = useLang()
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const [boxRef, size] = useCanvasSize(HEIGHT)
  const colours = useThemeColours()
  const shown = useMemo(
    () => classifyBeats(beats.slice(-slots), thresholds, maintenance),
    [beats, slots, thresholds, maintenance],
  )
  const [highlighted, setHighlighted] = useState<number | null>(null)
  const active = highlighted !== null && highlighted < shown.length ? highlighted : null

  useEffect(() => {
    const canvas = canvasRef.current
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx || !size) return
    fitCanvas(canvas, size)
    drawHeartbeatStrip(
      ctx,
      shown,
      size,
      {
        ok: colours.ok,
        late: colours.warn,
        bad: colours.bad,
        info: colours.info,
        unknown: colours.unknown,
        highlight: colours.fg,
        empty: colours.border,
      },
      { slots, highlighted: active },
    )
  }, [shown, size, colours, slots, active])

  const describe = (b: ClassifiedBeat, i: number) => {
    const gap = formatDuration(b.gapMs ?? 0, lang)
    const gapText =
      b.gapMs === null
        ? t('beatFirst')
        : b.tone === 'afterSilence'
          ? t('beatGapSilence', { gap })
          : b.tone === 'late'
            ? t('beatGapLate', { gap })
            : t('beatGap', { gap })
    const m = b.metrics
    const metrics = m
      ? t('beatMetrics', { cpu: pct(m.cpu_percent), mem: pct(m.memory_percent), disk: pct(m.disk_percent) })
      : ''
    return t('beatTooltip', {
      index: i + 1,
      count: shown.length,
      time: formatDateTime(b.timestamp, lang),
      status: b.status ?? t('noReportedStatus'),
      gap: gapText,
      metrics,
    })
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (shown.length === 0) return
    const last = shown.length - 1
    const cur = active ?? last
    const next =
      e.key === 'ArrowLeft' || e.key === 'ArrowDown'
        ? Math.max(0, cur - 1)
        : e.key === 'ArrowRight' || e.key === 'ArrowUp'
          ? Math.min(last, cur + 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : e.key === 'PageUp'
                ? Math.max(0, cur - 10)
                : e.key === 'PageDown'
                  ? Math.min(last, cur + 10)
                  : null
    if (next === null) return
    e.preventDefault()
    setHighlighted(next)
  }

  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    if (!size) return
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left
    setHighlighted(beatAtX(x, size.width, slots, shown.length))
  }

  if (shown.length === 0)
    return (
      <p className="text-sm text-muted">
        {emptyText ?? (unreachable ? t('stripUnreachable') : t('stripEmpty'))}
      </p>
    )

  const activeBeat = active === null ? undefined : shown[active]
  const tooltipLeft =
    active === null || !size
      ? 0
      : Math.min(
          Math.max(0, (slots - shown.length + active + 0.5) * stripSlot(size.width, slots).w - 140),
          Math.max(0, size.width - 280),
        )

  return (
    <div className="relative">
      <div
        ref={boxRef}
        role="slider"
        tabIndex={0}
        aria-label={t('stripLabel', { count: shown.length })}
        aria-valuemin={1}
        aria-valuemax={shown.length}
        aria-valuenow={(active ?? shown.length - 1) + 1}
        aria-valuetext={formatDateTime(shown[active ?? shown.length - 1]?.timestamp ?? 0, lang)}
        onKeyDown={onKeyDown}
        onFocus={() => setHighlighted((h) => h ?? shown.length - 1)}
        onBlur={() => setHighlighted(null)}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setHighlighted(null)}
        className="w-full cursor-crosshair rounded"
        style={{ height: HEIGHT }}
      >
        <canvas ref={canvasRef} aria-hidden="true" className="block" />
      </div>
      <div
        aria-live="polite"
        className={
          activeBeat
            ? 'absolute top-full z-10 mt-1 w-70 rounded-md border border-border bg-raised px-2 py-1 text-xs text-fg shadow-md'
            : 'sr-only'
        }
        style={activeBeat ? { left: tooltipLeft } : undefined}
      >
        {activeBeat && active !== null ? describe(activeBeat, active) : ''}
      </div>
    </div>
  )
}
