import { classifyReportedStatus, type LivenessThresholds } from '@/entities/node/model/liveness.ts'
import type { TimeWindow } from '@/entities/node/model/outages.ts'
import type { BeatMetrics } from '@/entities/node/model/schemas.ts'

/**
 * How each beat in the strip is coloured: by the gap since the previous beat first (a beat after a silence
 * is the news), then by the status the node reported with it.
 */
export type BeatTone = 'ok' | 'late' | 'afterSilence' | 'maintenance' | 'degraded' | 'otherStatus'

export interface StripBeat {
  timestamp: number
  status: string | null
  metrics?: BeatMetrics | null
}

export interface ClassifiedBeat extends StripBeat {
  /** Time since the previous beat in the strip; null for the first one. */
  gapMs: number | null
  tone: BeatTone
}

/**
 * `maintenance`: the node's maintenance windows. A beat inside one, or after a silence that overlaps one, is
 * drawn as maintenance: a planned stop is not news.
 */
export function classifyBeats(
  beats: readonly StripBeat[],
  t: LivenessThresholds,
  maintenance: readonly TimeWindow[] = [],
): ClassifiedBeat[] {
  return beats.map((b, i) => {
    const prev = i > 0 ? beats[i - 1] : undefined
    const gapMs = prev ? b.timestamp - prev.timestamp : null
    const from = prev ? prev.timestamp : b.timestamp
    let tone: BeatTone = 'ok'
    if (maintenance.some((m) => m.start <= b.timestamp && from <= m.end)) tone = 'maintenance'
    else if (gapMs !== null && gapMs > t.offlineMs) tone = 'afterSilence'
    else if (gapMs !== null && gapMs > t.onlineMs) tone = 'late'
    else {
      const s = classifyReportedStatus(b.status)
      if (s === 'maintenance') tone = 'maintenance'
      else if (s === 'degraded') tone = 'degraded'
      else if (s === 'other' || s === 'offline') tone = 'otherStatus'
    }
    return { ...b, gapMs, tone }
  })
}

export interface StripTheme {
  ok: string
  late: string
  bad: string
  info: string
  unknown: string
  highlight: string
  empty: string
}

const toneColour = (tone: BeatTone, th: StripTheme) =>
  tone === 'ok'
    ? th.ok
    : tone === 'afterSilence'
      ? th.bad
      : tone === 'late' || tone === 'degraded'
        ? th.late
        : tone === 'maintenance'
          ? th.info
          : th.unknown

/** Geometry shared by drawing and hit-testing: `slots` equal columns, newest on the right. */
export function stripSlot(width: number, slots: number) {
  const w = width / Math.max(1, slots)
  return { w, gap: w > 4 ? 1 : 0 }
}

/**
 * Draws `beats` (oldest first) right-aligned into `slots` columns; empty columns on the left are drawn as
 * faint placeholders. Bars after a silence are full height, others slightly shorter so the news stands out.
 */
export function drawHeartbeatStrip(
  ctx: CanvasRenderingContext2D,
  beats: readonly ClassifiedBeat[],
  size: { width: number; height: number; dpr: number },
  theme: StripTheme,
  opts: { slots: number; highlighted: number | null },
): void {
  const { width, height, dpr } = size
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, width, height)
  const { w, gap } = stripSlot(width, opts.slots)
  const offset = opts.slots - beats.length
  ctx.fillStyle = theme.empty
  for (let s = 0; s < offset; s++) ctx.fillRect(s * w, height * 0.4, Math.max(1, w - gap), height * 0.2)
  beats.forEach((b, i) => {
    const x = (offset + i) * w
    const tall = b.tone === 'afterSilence' || b.tone === 'late'
    const top = tall ? 2 : height * 0.2
    ctx.fillStyle = toneColour(b.tone, theme)
    ctx.fillRect(x, top, Math.max(1, w - gap), height - top - 2)
  })
  if (opts.highlighted !== null && opts.highlighted >= 0 && opts.highlighted < beats.length) {
    const x = (offset + opts.highlighted) * w
    ctx.strokeStyle = theme.highlight
    ctx.lineWidth = 2
    ctx.strokeRect(x - 1, 1, Math.max(2, w - gap) + 2, height - 2)
  }
}

/** The beat under x (CSS px), or null over an empty slot. */
export function beatAtX(x: number, width: number, slots: number, count: number): number | null {
  const { w } = stripSlot(width, slots)
  const slot = Math.floor(x / w)
  const i = slot - (slots - count)
  return i >= 0 && i < count ? i : null
}
