import { describe, expect, it } from 'vitest'
import { isConfiguredRoom, mentionAlert, type AlertCandidate } from './mention-alert.ts'

const me = { userId: '@alice:x', displayName: 'Alice' }
const candidate = (over: Partial<AlertCandidate> = {}): AlertCandidate => ({
  id: '$1',
  sender: '@bob:x',
  senderName: 'Bob',
  content: { body: 'Alice, node-7 is down', 'm.mentions': { user_ids: ['@alice:x'] } },
  live: true,
  alreadyRead: false,
  ...over,
})

describe('mentionAlert', () => {
  it('is one notification per mentioning event, keyed by its id', () => {
    expect(mentionAlert(candidate(), me, 'Ops')).toEqual({
      key: 'mention:$1',
      title: 'Bob · Ops',
      body: 'Alice, node-7 is down',
    })
  })
  it('stays quiet for history, what I already read, local echo and messages that do not mention me', () => {
    expect(mentionAlert(candidate({ live: false }), me, 'Ops')).toBeNull()
    expect(mentionAlert(candidate({ alreadyRead: true }), me, 'Ops')).toBeNull()
    expect(mentionAlert(candidate({ id: '~txn' }), me, 'Ops')).toBeNull()
    expect(mentionAlert(candidate({ content: { body: 'hi', 'm.mentions': {} } }), me, 'Ops')).toBeNull()
  })
  it('keeps the body short', () => {
    const alert = mentionAlert(candidate({ content: { body: `Alice ${'x'.repeat(300)}` } }), me, 'Ops')
    expect(alert?.body).toHaveLength(140)
    expect(alert?.body.endsWith('…')).toBe(true)
  })
})

describe('isConfiguredRoom', () => {
  const room = { roomId: '!ops:x', canonicalAlias: '#ops:x', altAliases: ['#team:x'] }
  it('knows the room by its id, its canonical alias or another alias of it', () => {
    expect(isConfiguredRoom('!ops:x', room)).toBe(true)
    expect(isConfiguredRoom('#ops:x', room)).toBe(true)
    expect(isConfiguredRoom('#team:x', room)).toBe(true)
  })
  it('ignores every other room the account is in', () => {
    expect(isConfiguredRoom('!other:x', room)).toBe(false)
    expect(isConfiguredRoom('#other:x', room)).toBe(false)
    expect(isConfiguredRoom('#ops:x', { roomId: '!dm:x', canonicalAlias: null, altAliases: [] })).toBe(false)
  })
})
