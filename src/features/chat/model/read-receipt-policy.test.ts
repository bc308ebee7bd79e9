import { describe, expect, it } from 'vitest'
import { markerToMove, receiptToSend, type ReceiptCandidate } from './read-receipt-policy.ts'

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

describe('markerToMove', () => {
  const marker = { roomId: '!r:hs', readThrough: '$new', fullyRead: '$old' }

  it('moves the fully-read marker to where the reader has read through', () => {
    expect(markerToMove(marker, new Map())).toBe('$new')
  })

  it('leaves it while the reader has not caught up, or when the server has it there', () => {
    expect(markerToMove({ ...marker, readThrough: null }, new Map())).toBeNull()
    expect(markerToMove({ ...marker, fullyRead: '$new' }, new Map())).toBeNull()
  })

  it('moves it once per event, and never to local echo', () => {
    expect(markerToMove(marker, new Map([['!r:hs', '$new']]))).toBeNull()
    expect(markerToMove({ ...marker, readThrough: '~txn' }, new Map())).toBeNull()
  })
})
