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
