import type { Escalation, Incident } from './incident.ts'

/** The room's language, from the bot's configuration (the console renders in the user's own). */
export type IncidentLanguage = 'uk' | 'en'

const MAX_NAMED = 10

const words = {
  en: {
    node: (n: number) => (n === 1 ? 'Node' : `${n} nodes`),
    offline: 'offline',
    hubDown: (hub: string) => `Hub ${hub} is down`,
    through: (n: number) => `${n} ${n === 1 ? 'node' : 'nodes'} unreachable through it`,
    registry: (n: number) => `Registry unreachable, ${n} ${n === 1 ? 'node' : 'nodes'} unknown`,
    since: 'since',
    more: (n: number) => `and ${n} more`,
    back: (list: string) => `back: ${list}`,
    flapping: (list: string) => `Flapping (up and down repeatedly): ${list}`,
    ack: (who: string) => `${who} is on it.`,
    noAck: 'Nobody has acknowledged it yet: react 👀 to take it.',
    resolved: (d: string) => `Resolved after ${d}.`,
    reason: 'Reason',
    unacked: (d: string) => `Nobody has acknowledged this incident for ${d}.`,
    ackerGone: (who: string) => `${who}, who was on it, went offline.`,
    online: (list: string) => (list === '' ? 'Nobody is online now.' : `Online now: ${list}`),
    h: 'h',
    min: 'min',
    s: 's',
  },
  uk: {
    node: (n: number) => (n === 1 ? 'Вузол' : `Вузлів: ${n},`),
    offline: 'офлайн',
    hubDown: (hub: string) => `Хаб ${hub} недоступний`,
    through: (n: number) => `через нього недоступні вузли (${n})`,
    registry: (n: number) => `Реєстр недоступний, стан вузлів невідомий (${n})`,
    since: 'з',
    more: (n: number) => `і ще ${n}`,
    back: (list: string) => `повернулися: ${list}`,
    flapping: (list: string) => `Нестабільні (то зникають, то повертаються): ${list}`,
    ack: (who: string) => `${who} займається цим.`,
    noAck: 'Ніхто ще не взявся: поставте 👀, щоб узяти.',
    resolved: (d: string) => `Вирішено через ${d}.`,
    reason: 'Причина',
    unacked: (d: string) => `Ніхто не взявся за цей інцидент уже ${d}.`,
    ackerGone: (who: string) => `${who}, хто цим займався, вийшов з мережі.`,
    online: (list: string) => (list === '' ? 'Зараз ніхто не в мережі.' : `Зараз у мережі: ${list}`),
    h: 'год',
    min: 'хв',
    s: 'с',
  },
} as const

/** `HH:MM UTC`: the room's members are in several time zones, and the text is the same for all of them. */
export function clockUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 16)} UTC`
}

export function duration(ms: number, lang: IncidentLanguage): string {
  const w = words[lang]
  const total = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h} ${w.h} ${m} ${w.min}`
  if (m > 0) return s > 0 && m < 10 ? `${m} ${w.min} ${s} ${w.s}` : `${m} ${w.min}`
  return `${s} ${w.s}`
}

function list(ids: readonly string[], lang: IncidentLanguage): string {
  if (ids.length <= MAX_NAMED) return ids.join(', ')
  return `${ids.slice(0, MAX_NAMED).join(', ')} ${words[lang].more(ids.length - MAX_NAMED)}`
}

/** A display name for a Matrix user: its localpart, as Element shows one without a profile. */
export const shortUser = (userId: string) => userId.replace(/^@/, '').replace(/:.*$/, '')

/** The incident's text: what failed, since when, what is known now, and who is on it. */
export function incidentText(i: Incident, lang: IncidentLanguage): string {
  const w = words[lang]
  const icon = i.state === 'resolved' ? '✅' : i.state === 'flapping' ? '🟠' : '🔴'
  let head: string
  if (i.kind === 'registry') head = w.registry(i.unknownCount)
  else if (i.kind === 'hub' && i.hub !== null) {
    head = w.hubDown(i.hub)
    const others = i.nodes.filter((n) => n !== i.hub)
    if (others.length > 0)
      head += `; ${w.node(others.length).toLowerCase()} ${w.offline}: ${list(others, lang)}`
    if (i.through.length > 0) head += `; ${w.through(i.through.length)}: ${list(i.through, lang)}`
  } else head = `${w.node(i.nodes.length)} ${w.offline}: ${list(i.nodes, lang)}`
  const lines = [`${icon} ${head} (${w.since} ${clockUtc(i.since)})`]
  if (i.reason !== null && i.kind === 'registry') lines.push(`${w.reason}: ${i.reason}`)
  const back = [...i.nodes, ...i.through].filter((n) => !i.down.includes(n))
  if (i.state !== 'resolved' && i.kind !== 'registry' && back.length > 0) lines.push(w.back(list(back, lang)))
  if (i.flapping.length > 0) lines.push(w.flapping(list(i.flapping, lang)))
  if (i.state === 'resolved' && i.resolvedAt !== null)
    lines.push(w.resolved(duration(i.resolvedAt - i.since, lang)))
  else lines.push(i.ack ? w.ack(shortUser(i.ack.userId)) : w.noAck)
  return lines.join('\n')
}

/** The escalation reply: why, and who is online to take it. */
export function escalationText(
  i: Incident,
  e: Escalation,
  onlineUserIds: readonly string[],
  lang: IncidentLanguage,
): string {
  const w = words[lang]
  const why =
    e.reason === 'unacknowledged'
      ? w.unacked(duration(e.at - i.openedAt, lang))
      : w.ackerGone(shortUser(e.userId ?? ''))
  return `⏰ ${why} ${w.online(onlineUserIds.join(', '))}`
}
