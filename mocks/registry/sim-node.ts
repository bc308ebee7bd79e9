/**
 * One simulated node: who it is, when it beats, when it was silent and what its metrics were. Its whole
 * history is computed on demand from (seed, node, time); nothing per beat is ever stored.
 */
import type { RawBeatMetrics, RawCapabilities, RawProfile } from './factories.ts'
import { mix, smoothNoise, unit } from './prng.ts'
import type { TimeStyle } from './registry-time.ts'

export const BEAT_INTERVAL_MS = 30_000
/** Each beat lands up to this late after its slot, so beats are not metronomic. */
const JITTER_MS = 1_500
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** A closed-open interval [from, to) of absolute ms. `to` may be Infinity (silent for good). */
export interface Interval {
  from: number
  to: number
}

export interface MetricsBase {
  cpu: number
  memory: number
  disk: number
  memoryTotalGb: number
  diskTotalGb: number
}

export interface SimNodeSpec {
  /** Stable hash of (seed, node id): drives phase, jitter and metrics. */
  key: number
  uuid: string
  nodeId: string
  name: string
  role: string
  type: string
  hostname: string | null
  ipAddress: string | null
  localIp: string | null
  timeStyle: TimeStyle
  registeredAt: number
  /** Beats stop here for good (a node that fell silent). */
  silentFrom: number | null
  /** The past (or planned) outage containing `t`, if any. */
  outageAt: (t: number) => Interval | null
  /** The status string the node's agent reports at `t` (free text: "banana" happens). */
  statusAt: (t: number) => string
  metrics: MetricsBase | null
  capabilities: RawCapabilities | null
  /** `'error500'`: this node's /profile answers 500 (schema drift on the server). */
  profile: Omit<RawProfile, 'status'> | 'error500'
  /** Fields served verbatim over the computed ones: garbage the client must survive. */
  rawOverrides?: Record<string, unknown>
}

export function beatPhase(spec: SimNodeSpec): number {
  return spec.key % BEAT_INTERVAL_MS
}

export function slotOf(spec: SimNodeSpec, t: number): number {
  return Math.floor((t - beatPhase(spec)) / BEAT_INTERVAL_MS)
}

export function beatTimeOf(spec: SimNodeSpec, slot: number): number {
  return slot * BEAT_INTERVAL_MS + beatPhase(spec) + Math.floor(unit(spec.key, slot) * JITTER_MS)
}

/** Outages from a fixed list (sorted by `from`, non-overlapping), by binary search. */
export function fixedOutages(list: Interval[]): (t: number) => Interval | null {
  const sorted = [...list].sort((a, b) => a.from - b.from)
  return (t) => {
    let lo = 0
    let hi = sorted.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const iv = sorted[mid]
      if (!iv) break
      if (t < iv.from) hi = mid - 1
      else if (t >= iv.to) lo = mid + 1
      else return iv
    }
    return null
  }
}

/**
 * Random outages: on each day (counted from `t0`) with probability `p` one outage of 2 to 45 minutes.
 * Pure in (key, day), so history is the same however often it is asked for.
 */
export function dailyOutages(key: number, t0: number, p: number): (t: number) => Interval | null {
  // A few days are asked for again and again (every beat of a month of history): remember them.
  const memo = new Map<number, Interval | null>()
  const ofDay = (day: number): Interval | null => {
    const known = memo.get(day)
    if (known !== undefined) return known
    let iv: Interval | null = null
    if (unit(key, day, 1) < p) {
      const from = t0 + day * DAY + Math.floor(unit(key, day, 2) * DAY)
      iv = { from, to: from + 2 * MINUTE + Math.floor(unit(key, day, 3) * 43 * MINUTE) }
    }
    if (memo.size > 400) memo.clear()
    memo.set(day, iv)
    return iv
  }
  return (t) => {
    const day = Math.floor((t - t0) / DAY)
    for (const d of [day, day - 1]) {
      const iv = ofDay(d)
      if (iv && t >= iv.from && t < iv.to) return iv
    }
    return null
  }
}

export function clampPercent(v: number): number {
  return Math.round(Math.min(99.5, Math.max(0.5, v)) * 10) / 10
}

/** Plausible metrics at a beat: smooth random walks per node, a pure function of (node, time). */
export function metricsAt(spec: SimNodeSpec, t: number): RawBeatMetrics | null {
  const m = spec.metrics
  if (!m) return null
  const k = spec.key
  const cpu = clampPercent(
    m.cpu +
      18 * smoothNoise(k, t, 11 * MINUTE) +
      7 * smoothNoise(k + 1, t, 2 * MINUTE) +
      8 * smoothNoise(k + 2, t, 3 * HOUR),
  )
  const memory = clampPercent(
    m.memory + 9 * smoothNoise(k + 3, t, HOUR) + 3 * smoothNoise(k + 4, t, 7 * MINUTE),
  )
  const disk = clampPercent(m.disk + 3 * smoothNoise(k + 5, t, DAY) + 0.6 * smoothNoise(k + 6, t, HOUR))
  return {
    cpu_percent: cpu,
    memory_percent: memory,
    memory_available_gb: Math.round(m.memoryTotalGb * (1 - memory / 100) * 10) / 10,
    disk_percent: disk,
    disk_free_gb: Math.round(m.diskTotalGb * (1 - disk / 100) * 10) / 10,
    timestamp: new Date(t).toISOString(),
  }
}

/** A deterministic UUID-looking id for a node. */
export function uuidFor(key: number): string {
  const h = (n: number) => mix(key, n).toString(16).padStart(8, '0')
  const a = h(1)
  const b = h(2)
  const c = h(3)
  const d = h(4)
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${c.slice(1, 4)}-${c.slice(4, 8)}${d}`
}
