import { describe, expect, it } from 'vitest'
import { sanitizeMatrixHtml } from './sanitize-html.ts'
import { buildTimelineItems, type TimelineEventLike } from './timeline-items.ts'
import { TypingNotifier } from './typing-notifier.ts'
import { initials, presenceKind, sortMembers, type MemberRow } from './member-presence.ts'

const ev = (
  id: string,
  sender: string,
  ts: number,
  extra: Partial<TimelineEventLike> = {},
): TimelineEventLike => ({
  getId: () => id,
  getTxnId: () => undefined,
  getTs: () => ts,
  getSender: () => sender,
  getType: () => 'm.room.message',
  isState: () => false,
  isRelation: () => false,
  ...extra,
})

describe('sanitizeMatrixHtml', () => {
  it('drops an onerror image and scripts, keeps allowed tags', () => {
    const out = sanitizeMatrixHtml(
      '<b>bold</b><img src=x onerror=alert(1)><script>alert(2)</script><code>x</code>',
    )
    expect(out).toBe('<b>bold</b><code>x</code>')
  })
  it('turns javascript: links into their text and hardens real links', () => {
    const out = sanitizeMatrixHtml('<a href="javascript:alert(1)">bad</a><a href="https://e.org">ok</a>')
    expect(out).toMatch(/^bad<a /)
    expect(out).toContain('href="https://e.org"')
    expect(out).toContain('rel="noopener noreferrer"')
    expect(out).toContain('target="_blank"')
  })
  it('keeps only the spec attributes', () => {
    expect(sanitizeMatrixHtml('<span data-mx-color="#f00" style="x" onclick="y">c</span>')).toBe(
      '<span data-mx-color="#f00">c</span>',
    )
  })
})

describe('buildTimelineItems', () => {
  const day = 86_400_000
  const t0 = new Date(2026, 10, 27, 10).getTime()
  it('separates days and groups consecutive messages of one sender', () => {
    const items = buildTimelineItems([
      ev('$1', '@a', t0),
      ev('$2', '@a', t0 + 60_000),
      ev('$3', '@b', t0 + 120_000),
      ev('$4', '@b', t0 + day),
    ])
    expect(items.map((i) => (i.kind === 'day' ? 'day' : `${i.key}${i.continuation ? '+' : ''}`))).toEqual([
      'day',
      '$1',
      '$2+',
      '$3',
      'day',
      '$4',
    ])
  })
  it('never shows an event twice (history, live sync and local echo overlapping)', () => {
    const echo = ev('$2', '@me', t0 + 1, { getTxnId: () => 'txn1' })
    const items = buildTimelineItems([ev('$1', '@a', t0), echo, ev('$1', '@a', t0)], [echo])
    expect(items.filter((i) => i.kind === 'event')).toHaveLength(2)
  })
  it('hides state events and redactions', () => {
    const items = buildTimelineItems([
      ev('$s', '@a', t0, { isState: () => true }),
      ev('$r', '@a', t0, { getType: () => 'm.room.redaction' }),
    ])
    expect(items.filter((i) => i.kind === 'event')).toHaveLength(0)
  })
})

describe('TypingNotifier', () => {
  it('sends at most one typing notice per 4 s and one stop', () => {
    let now = 0
    const sent: boolean[] = []
    const n = new TypingNotifier(
      (t) => sent.push(t),
      () => now,
    )
    for (let i = 0; i < 10; i++) {
      now += 300
      n.input('x'.repeat(i + 1))
    }
    expect(sent).toEqual([true])
    now += 4000
    n.input('more')
    expect(sent).toEqual([true, true])
    n.input('')
    expect(sent).toEqual([true, true, false])
    n.stop()
    expect(sent).toEqual([true, true, false])
  })
  it('sends nothing while activity is not allowed', () => {
    const sent: boolean[] = []
    const n = new TypingNotifier(
      (t) => sent.push(t),
      () => 0,
    )
    n.input('hello', false)
    expect(sent).toEqual([])
  })
})

describe('members', () => {
  const user = (presence: string, currentlyActive = false, has = true) => ({
    presence,
    currentlyActive,
    events: has ? { presence: {} } : {},
    getLastActiveTs: () => 0,
  })
  it('follows the contract rule for presence dots', () => {
    expect(presenceKind(user('online'))).toBe('online')
    expect(presenceKind(user('unavailable', true))).toBe('online')
    expect(presenceKind(user('unavailable'))).toBe('away')
    expect(presenceKind(user('offline'))).toBe('offline')
    expect(presenceKind(user('offline', false, false))).toBe('unknown')
    expect(presenceKind(null)).toBe('unknown')
  })
  it('orders online first', () => {
    const row = (name: string, presence: MemberRow['presence']): MemberRow => ({
      userId: `@${name}`,
      name,
      avatarUrl: null,
      presence,
      lastActiveTs: null,
    })
    expect(
      sortMembers([row('a', 'offline'), row('b', 'unknown'), row('c', 'online'), row('d', 'away')]).map(
        (r) => r.name,
      ),
    ).toEqual(['c', 'd', 'a', 'b'])
  })
  it('makes initials', () => {
    expect(initials('Олена Коваленко')).toBe('ОК')
    expect(initials('@bob:localhost')).toBe('BL')
    expect(initials('alice')).toBe('A')
  })
})
