import { mulberry32 } from '../registry/prng.ts'

/** The two simulated teammates of the demo room. */
export const TEAMMATES = [
  { localpart: 'olena', displayname: 'Олена Коваленко' },
  { localpart: 'taras', displayname: 'Тарас Шевчук' },
] as const

const LINES = [
  'Нода kyiv-07 знову пропускає heartbeat, дивлюсь логи',
  'Перезапустила агент на lviv-02, heartbeat повернувся',
  'Хто сьогодні на чергуванні?',
  'Я, до 20:00',
  'Диск на odesa-11 заповнений на 91 %',
  'Почистив старі снапшоти, тепер 63 %',
  'Оновлення ядра на кластері dnipro запланував на вечір',
  'The registry answered 502 for a minute, looks fine now',
  'Latency to kharkiv-03 is back under 40 ms',
  'Додала ноди нового стенду в реєстр',
  'Can someone check why topology shows a loop?',
  'Це була стара лінка, видалив',
  'Дякую!',
  'ok',
  'Бачу, зараз гляну',
  'Інцидент закрито, пишу постмортем',
]

export interface SeedMessage {
  sender: string
  ts: number
  content: Record<string, unknown>
  type: string
}

/**
 * A few hundred messages spread over the last days, deterministic for a seed, so the demo and the tests can
 * scroll back through history (day separators, grouping, placeholders included).
 */
export function seedHistory(count: number, now: number, seed = 7): SeedMessage[] {
  const rnd = mulberry32(seed)
  const span = 4 * 86_400_000
  const out: SeedMessage[] = []
  for (let i = 0; i < count; i++) {
    const ts = Math.round(now - span + (span * i) / count - 60_000)
    const who = TEAMMATES[rnd() < 0.5 ? 0 : 1].localpart
    const line = LINES[Math.floor(rnd() * LINES.length)] ?? 'ok'
    const r = rnd()
    let content: Record<string, unknown> = { msgtype: 'm.text', body: line }
    let type = 'm.room.message'
    if (i === 0) content = { msgtype: 'm.text', body: 'Початок історії кімнати' }
    else if (r < 0.05) content = { msgtype: 'm.notice', body: `Статус: ${line}` }
    else if (r < 0.08) content = { msgtype: 'm.emote', body: 'п’є каву' }
    else if (r < 0.11)
      content = {
        msgtype: 'm.text',
        body: `**${line}**`,
        format: 'org.matrix.custom.html',
        formatted_body: `<strong>${line}</strong> — <a href="https://example.org/runbook">runbook</a>`,
      }
    else if (r < 0.12) {
      type = 'm.room.encrypted'
      content = { algorithm: 'm.megolm.v1.aes-sha2', ciphertext: 'AwgAEn...', session_id: 'x' }
    } else if (r < 0.13) {
      type = 'org.example.unknown'
      content = { body: 'custom' }
    }
    out.push({ sender: who, ts, content, type })
  }
  return out
}
