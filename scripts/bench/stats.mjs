// Small statistics for the benchmark: every timing is repeated and summarised, never taken once.

/** The median of a list of numbers (the mean of the two middle values for an even count). */
export function median(values) {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** The p-th percentile (0..100), nearest-rank: the value that p % of the samples do not exceed. */
export function percentile(values, p) {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * s.length)
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))]
}

/** Rounds for display and for bench-results.json (timings to 0.1 ms are already noise). */
export function round(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** "12.3 / 14.0 / 15.2": the runs behind a median, for the notes. */
export function listRuns(values, digits = 1) {
  return values.map((v) => round(v, digits)).join(' / ')
}
