import { describe, expect, it } from 'vitest'
import { receiptToSend, type ReceiptCandidate } from './read-receipt-policy.ts'

const me = '@alice:hs'
const base: ReceiptCandidate = {
  roomId: '!r:hs',
  eventId: '$new',
  sender: '@bob:hs',
  pending: false,
  alreadyRead: false,
}

describe('receiptToSend', () => {
  it('marks the newest event from someone else as read', () => {
    expect(receiptToSend(base, me, new Map())).toBe('$new')
  })

  it('sends nothing when the server already has us there (a reload)', () => {
    expect(receiptToSend({ ...base, alreadyRead: true }, me, new Map())).toBeNull()
  })

  it('sends each event once, even after the panel remounts', () => {
    expect(receiptToSend(base, me, new Map([['!r:hs', '$new']]))).toBeNull()
    expect(receiptToSend(base, me, new Map([['!r:hs', '$old']]))).toBe('$new')
  })

  it('skips our own messages and local echo', () => {
    expect(receiptToSend({ ...base, sender: me }, me, new Map())).toBeNull()
    expect(receiptToSend({ ...base, pending: true }, me, new Map())).toBeNull()
    expect(receiptToSend({ ...base, eventId: '~txn' }, me, new Map())).toBeNull()
  })
})
