/** The history route's buckets (`?bucket=`), oldest first, a bucket absent where the node sent nothing. */
import type { BeatTimeline, PostedBeat } from './beat-timeline.ts'
import type { RawBucket } from './factories.ts'
import type { BucketQuery } from './fleet-simulator-api.ts'
import { HISTORY_HORIZON_MS } from './heartbeat-history.ts'
import { formatRegistryTime } from './registry-time.ts'
import { BEAT_INTERVAL_MS, beatTimeOf, metricsAt, slotOf, type SimNodeSpec } from './sim-node.ts'

type BeatMetrics = { cpu_percent?: unknown; memory_percent?: unknown; disk_percent?: unknown } | null

/** Sums beats into fixed buckets as they come, in time order; `done` returns the finished buckets. */
function bucketAccumulator(sizeMs: number, spec: SimNodeSpec) {
  const out: RawBucket[] = []
  let cur: {
    start: number
    beats: number
    statuses: Record<string, number>
    cpu: number
    mem: number
    disk: number
    m: number
  } | null = null
  const flush = () => {
    if (!cur) return
    const { m } = cur
    const avg = (v: number) => (m > 0 ? Math.round((v / m) * 10) / 10 : null)
    out.push({
      start: formatRegistryTime(cur.start, spec.timeStyle),
      beats: cur.beats,
      statuses: cur.statuses,
      cpu_percent_avg: avg(cur.cpu),
      memory_percent_avg: avg(cur.mem),
      disk_percent_avg: avg(cur.disk),
    })
    cur = null
  }
  return {
    add(ts: number, status: string, metrics: BeatMetrics) {
      const start = Math.floor(ts / sizeMs) * sizeMs
      if (cur?.start !== start) {
        flush()
        cur = { start, beats: 0, statuses: {}, cpu: 0, mem: 0, disk: 0, m: 0 }
      }
      cur.beats += 1
      cur.statuses[status] = (cur.statuses[status] ?? 0) + 1
      if (
        metrics &&
        typeof metrics.cpu_percent === 'number' &&
        typeof metrics.memory_percent === 'number' &&
        typeof metrics.disk_percent === 'number'
      ) {
        cur.cpu += metrics.cpu_percent
        cur.mem += metrics.memory_percent
        cur.disk += metrics.disk_percent
        cur.m += 1
      }
    },
    done() {
      flush()
      return out
    },
  }
}

export function bucketRows(spec: SimNodeSpec, q: BucketQuery, beats: BeatTimeline, now: number): RawBucket[] {
  const until = Math.min(q.until, now)
  const since = Math.max(q.since, until - HISTORY_HORIZON_MS)
  const sizeMs = q.bucketSeconds * 1000
  const acc = bucketAccumulator(sizeMs, spec)
  const posted = beats.postedBetween(spec.nodeId, since, until)
  const addPosted = (p: PostedBeat) => acc.add(p.ts, p.status, p.metrics)
  // Metrics are averaged over at most ~12 beats per bucket: a month of buckets stays cheap to compute.
  const stride = Math.max(1, Math.floor(sizeMs / BEAT_INTERVAL_MS / 12))
  let e = 0
  let k = slotOf(spec, since)
  if (beatTimeOf(spec, k) < since) k += 1
  for (;;) {
    const bt = beatTimeOf(spec, k)
    if (bt > until) break
    const down = beats.downAt(spec, bt)
    if (down) {
      if (down.to === Infinity) break
      k = Math.max(k + 1, slotOf(spec, down.to))
      continue
    }
    for (; e < posted.length && (posted[e] as PostedBeat).ts < bt; e++) addPosted(posted[e] as PostedBeat)
    acc.add(bt, spec.statusAt(bt), k % stride === 0 ? metricsAt(spec, bt) : null)
    k += 1
  }
  for (; e < posted.length; e++) addPosted(posted[e] as PostedBeat)
  return acc.done()
}
