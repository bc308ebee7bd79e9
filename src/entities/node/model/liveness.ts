/**
 * Liveness is derived, never read: the registry keeps `status: "online"` forever for a node that fell
 * silent. A node is online while its last heartbeat is younger than interval + grace, stale until the
 * offline threshold, offline after it, and unknown when it never sent one. `unreachable`: the console cannot
 * read the registry, and the node was fresher at the last good read than its age now says: whether it is
 * still beating cannot be known, so it is neither stale nor offline.
 */
export type Liveness = 'online' | 'stale' | 'offline' | 'unknown' | 'unreachable'

export interface LivenessThresholds {
  /** Age (ms) up to which a node is online: the expected interval plus a grace. */
  onlineMs: number
  /** Age (ms) past which a node is offline. Between the two it is stale. */
  offlineMs: number
}

/** The runtime config's three liveness fields (structurally, so the server's bot reads the same shape). */
export function thresholdsFromConfig(c: {
  heartbeatIntervalSeconds: number
  graceSeconds: number
  offlineAfterSeconds: number
}): LivenessThresholds {
  const onlineMs = (c.heartbeatIntervalSeconds + c.graceSeconds) * 1000
  // The offline threshold can never be inside the online window, whatever the configuration says.
  const offlineMs = Math.max(onlineMs, c.offlineAfterSeconds * 1000)
  return { onlineMs, offlineMs }
}

export const DEFAULT_THRESHOLDS: LivenessThresholds = { onlineMs: 45_000, offlineMs: 120_000 }

export function livenessOf(lastHeartbeat: number | null, now: number, t: LivenessThresholds): Liveness {
  if (lastHeartbeat === null) return 'unknown'
  // A heartbeat from the future (clock skew between the node and us) counts as fresh.
  const age = Math.max(0, now - lastHeartbeat)
  if (age <= t.onlineMs) return 'online'
  if (age <= t.offlineMs) return 'stale'
  return 'offline'
}

const AGE_RANK = { online: 0, stale: 1, offline: 2 } as const

/**
 * Liveness as far as the console can know it. `readAt`: while the registry cannot be read, the start of the
 * last good read (null while it answers). A node whose age has crossed a threshold since then is
 * `unreachable`: the beats that would have kept it fresh could not be seen. A node already stale or offline
 * at the last read keeps that (it is the last thing known), until its age says worse.
 */
export function livenessAsKnown(
  lastHeartbeat: number | null,
  now: number,
  t: LivenessThresholds,
  readAt: number | null,
): Liveness {
  const current = livenessOf(lastHeartbeat, now, t)
  if (readAt === null || lastHeartbeat === null || current === 'unknown') return current
  const atRead = livenessOf(lastHeartbeat, Math.min(readAt, now), t)
  if (atRead === 'unknown' || current === 'unreachable' || atRead === 'unreachable') return current
  return AGE_RANK[current] > AGE_RANK[atRead] ? 'unreachable' : current
}

/** The moment the node's liveness will next change if no new heartbeat arrives (null: never). */
export function nextLivenessChange(
  lastHeartbeat: number | null,
  now: number,
  t: LivenessThresholds,
): number | null {
  if (lastHeartbeat === null) return null
  if (now - lastHeartbeat <= t.onlineMs) return lastHeartbeat + t.onlineMs + 1
  if (now - lastHeartbeat <= t.offlineMs) return lastHeartbeat + t.offlineMs + 1
  return null
}

/** The reported status is shown apart from liveness; "online"/"offline" carry no news beyond liveness. */
export type ReportedStatus = 'online' | 'offline' | 'maintenance' | 'degraded' | 'other' | 'none'

export function classifyReportedStatus(status: string | null): ReportedStatus {
  if (status === null) return 'none'
  const s = status.trim().toLowerCase()
  if (s === 'online' || s === 'offline' || s === 'maintenance' || s === 'degraded') return s
  return 'other'
}
