import type { Lang } from '@/lib/i18n/i18n-store.ts'

const rtf = new Map<Lang, Intl.RelativeTimeFormat>()
function relFormat(lang: Lang) {
  let f = rtf.get(lang)
  if (!f) {
    f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' })
    rtf.set(lang, f)
  }
  return f
}

/** "5 s ago", "3 хв тому": the distance from `ts` to `now`, in the largest unit that fits. */
export function formatRelative(ts: number, now: number, lang: Lang): string {
  const diff = Math.round((ts - now) / 1000)
  const abs = Math.abs(diff)
  const f = relFormat(lang)
  if (abs < 60) return f.format(diff, 'second')
  if (abs < 3600) return f.format(Math.trunc(diff / 60), 'minute')
  if (abs < 86_400) return f.format(Math.trunc(diff / 3600), 'hour')
  return f.format(Math.trunc(diff / 86_400), 'day')
}

/** A compact duration: "45 s", "3 m 20 s", "2 h 5 m", "4 d 3 h". Units are locale-neutral symbols. */
export function formatDuration(ms: number, lang: Lang): string {
  const s = Math.max(0, Math.round(ms / 1000))
  const u = lang === 'uk' ? { d: 'д', h: 'год', m: 'хв', s: 'с' } : { d: 'd', h: 'h', m: 'm', s: 's' }
  if (s < 60) return `${s} ${u.s}`
  const m = Math.floor(s / 60)
  if (m < 60) return s % 60 ? `${m} ${u.m} ${s % 60} ${u.s}` : `${m} ${u.m}`
  const h = Math.floor(m / 60)
  if (h < 24) return m % 60 ? `${h} ${u.h} ${m % 60} ${u.m}` : `${h} ${u.h}`
  const d = Math.floor(h / 24)
  return h % 24 ? `${d} ${u.d} ${h % 24} ${u.h}` : `${d} ${u.d}`
}

/** The Intl locale of a UI language: Ukrainian as in Ukraine, English as in Britain (24-hour clock, day first). */
export function localeOf(lang: Lang): string {
  return lang === 'uk' ? 'uk-UA' : 'en-GB'
}

const dtf = new Map<string, Intl.DateTimeFormat>()
/** A date-time format for the language, made once per language and options (making one costs ~0.1 ms). */
export function dateTimeFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}:${JSON.stringify(options)}`
  let f = dtf.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(lang), options)
    dtf.set(key, f)
  }
  return f
}

/** An absolute local date and time, e.g. for tooltips and the "stale since" banner. */
export function formatDateTime(ts: number, lang: Lang, withSeconds = true): string {
  return dateTimeFormat(lang, { dateStyle: 'short', timeStyle: withSeconds ? 'medium' : 'short' }).format(ts)
}
