import { describe, expect, it } from 'vitest'
import { firstUnreadId, type UnreadCandidate } from './unread-line.ts'

const me = '@alice:x'
const ev = (id: string, sender = '@bob:x', shown = true): UnreadCandidate => ({ id, sender, shown })

describe('firstUnreadId', () => {
  const events = [ev('$1'), ev('$2'), ev('$r', '@bob:x', false), ev('$3'), ev('$4')]

  it('is the first message from someone else after where I left off', () => {
    expect(firstUnreadId(events, ['$1', null], me)).toBe('$2')
  })
  it('takes the later of my receipt and my fully-read marker, and skips rows that are not shown', () => {
    expect(firstUnreadId(events, ['$1', '$2'], me)).toBe('$3')
    expect(firstUnreadId(events, ['$2', '$1'], me)).toBe('$3')
  })
  it('is nothing when I am at the end or where I left off is not loaded', () => {
    expect(firstUnreadId(events, ['$4'], me)).toBeNull()
    expect(firstUnreadId(events, ['$older', undefined], me)).toBeNull()
    expect(firstUnreadId(events, [], me)).toBeNull()
  })
  it('is the first loaded message when where I left off is older than the loaded events', () => {
    expect(firstUnreadId(events, ['$older'], me, true)).toBe('$1')
    expect(firstUnreadId([ev('$1'), ev('$m', me), ev('$2')], ['$older'], me, true)).toBe('$2')
    expect(firstUnreadId(events, ['$2'], me, true)).toBe('$3')
  })
  it('starts after my own latest message: what I answered I have read', () => {
    expect(firstUnreadId([ev('$1'), ev('$2'), ev('$m', me), ev('$3')], ['$1'], me)).toBe('$3')
    expect(firstUnreadId([ev('$1'), ev('$2'), ev('$m', me)], ['$1'], me)).toBeNull()
  })
  it('never points at a local echo', () => {
    expect(firstUnreadId([ev('$1'), ev('~pending')], ['$1'], me)).toBeNull()
  })
})
