/**
 * How the registry writes times. The service writes naive UTC with microseconds
 * (`2026-11-29T07:22:53.364044`); some deployments send an explicit zone. The simulator uses all three.
 */
export type TimeStyle = 'naive' | 'offset' | 'zulu'

export function formatRegistryTime(ms: number, style: TimeStyle = 'offset'): string {
  const iso = new Date(ms).toISOString() // 2026-11-29T07:22:53.364Z
  // Microseconds the way Python prints them; the extra digits are derived from the ms so output is stable.
  const micro = `${iso.slice(0, 23)}${String(Math.abs(Math.floor(ms * 7)) % 1000).padStart(3, '0')}`
  if (style === 'naive') return micro
  if (style === 'offset') return `${micro}+00:00`
  return iso
}

// ISO 8601 as the service's validator takes it: date, time (seconds and up to microseconds optional), zone
// optional (none means UTC). Written apart from the app's parser, so the handlers can catch a bug in that one.
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/i

/** A time query parameter (`since`, `until`) in ms, or null where the service answers 422. */
export function parseQueryTime(text: string): number | null {
  const m = ISO_TIME.exec(text.trim())
  if (!m) return null
  const field = (i: number) => Number(m[i] ?? 0)
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map(field) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const micros = Number((m[7] ?? '').padEnd(6, '0'))
  if (hour > 23 || minute > 59 || second > 59) return null
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(micros / 1000))
  const date = new Date(utc)
  // Date.UTC rolls 30 February over into March; the service rejects it.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null
  const zone = m[8]
  if (zone === undefined || zone.toUpperCase() === 'Z') return utc
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000
}
