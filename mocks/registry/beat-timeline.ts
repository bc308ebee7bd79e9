/**
 * When each node beat: the simulated beats computed from its spec (slots, outages, silences), and the beats
 * posted to the heartbeat route, which are the only stored ones (capped per node).
 */
import { beatTimeOf, slotOf, type Interval, type SimNodeSpec } from './sim-node.ts'

export interface PostedBeat {
  ts: number
  status: string
  metrics: Record<string, unknown>
}

const POSTED_CAP = 2_000

export interface BeatTimeline {
  /** The interval containing `t` in which the node sent nothing, or null when it was beating. */
  downAt(spec: SimNodeSpec, t: number): Interval | null
  /** The last simulated beat at or before `t` (null: none yet, or silent since registration). */
  lastSimBeat(spec: SimNodeSpec, t: number): number | null
  lastPosted(nodeId: string, t: number): PostedBeat | null
  /** Posted beats in [since, until], oldest first. */
  postedBetween(nodeId: string, since: number, until: number): PostedBeat[]
  /** The node's latest beat at `t`, simulated or posted, and the status it reported. */
  currentOf(spec: SimNodeSpec, t: number): { ts: number | null; status: string }
  post(nodeId: string, beat: PostedBeat): void
  silence(nodeId: string, t: number): void
  resume(nodeId: string, t: number): void
}

export function createBeatTimeline(): BeatTimeline {
  const posted = new Map<string, PostedBeat[]>()
  const silences = new Map<string, Interval[]>()

  const timeline: BeatTimeline = {
    downAt(spec, t) {
      if (t < spec.registeredAt) return { from: -Infinity, to: spec.registeredAt }
      if (spec.silentFrom !== null && t >= spec.silentFrom) return { from: spec.silentFrom, to: Infinity }
      for (const iv of silences.get(spec.nodeId) ?? []) if (t >= iv.from && t < iv.to) return iv
      return spec.outageAt(t)
    },
    lastSimBeat(spec, t) {
      let k = slotOf(spec, t)
      if (beatTimeOf(spec, k) > t) k -= 1
      // Jumps back over whole silences; the guard bounds a node that was down for most of its slots.
      for (let guard = 0; guard < 500; guard++) {
        const bt = beatTimeOf(spec, k)
        const down = timeline.downAt(spec, bt)
        if (!down) return bt
        if (!Number.isFinite(down.from)) return null
        k = Math.min(k - 1, slotOf(spec, down.from - 1))
      }
      return null
    },
    lastPosted(nodeId, t) {
      const list = posted.get(nodeId)
      if (!list) return null
      for (let i = list.length - 1; i >= 0; i--) {
        const b = list[i]
        if (b && b.ts <= t) return b
      }
      return null
    },
    postedBetween(nodeId, since, until) {
      return (posted.get(nodeId) ?? []).filter((b) => b.ts >= since && b.ts <= until)
    },
    currentOf(spec, t) {
      const sim = timeline.lastSimBeat(spec, t)
      const post = timeline.lastPosted(spec.nodeId, t)
      if (post && (sim === null || post.ts >= sim)) return { ts: post.ts, status: post.status }
      return { ts: sim, status: sim === null ? 'online' : spec.statusAt(sim) }
    },
    post(nodeId, beat) {
      const list = posted.get(nodeId) ?? []
      list.push(beat)
      if (list.length > POSTED_CAP) list.splice(0, list.length - POSTED_CAP)
      posted.set(nodeId, list)
    },
    silence(nodeId, t) {
      const list = silences.get(nodeId) ?? []
      if (!list.some((iv) => iv.to === Infinity)) list.push({ from: t, to: Infinity })
      silences.set(nodeId, list)
    },
    resume(nodeId, t) {
      for (const iv of silences.get(nodeId) ?? []) if (iv.to === Infinity) iv.to = t
    },
  }
  return timeline
}
