import { describe, expect, it } from 'vitest'
import {
  editContent,
  reactionChips,
  replyTargetId,
  stripReplyFallback,
  threadReplyContent,
} from './relations.ts'

describe('relations', () => {
  it('reads the replied-to event, but not a thread fallback', () => {
    expect(replyTargetId({ 'm.relates_to': { 'm.in_reply_to': { event_id: '$a' } } })).toBe('$a')
    expect(replyTargetId(threadReplyContent('x', '$root', '$last'))).toBeNull()
    expect(replyTargetId({ body: 'plain' })).toBeNull()
  })

  it('drops the quoted fallback of a reply', () => {
    expect(stripReplyFallback('> <@bob:hs> original\n> more\n\nmy answer')).toBe('my answer')
    expect(stripReplyFallback('no quote')).toBe('no quote')
  })

  it('writes an edit that older clients read as "* new text"', () => {
    const c = editContent('fixed', '$e')
    expect(c.body).toBe('* fixed')
    expect(c['m.new_content']).toEqual({ msgtype: 'm.text', body: 'fixed' })
    expect(c['m.relates_to']).toEqual({ rel_type: 'm.replace', event_id: '$e' })
  })

  it('counts each sender once per key, marks mine and skips removed reactions', () => {
    const chips = reactionChips(
      [
        { key: '👍', sender: '@bob', eventId: '$1', redacted: false },
        { key: '👀', sender: '@bob', eventId: '$2', redacted: false },
        { key: '👀', sender: '@me', eventId: '$3', redacted: false },
        { key: '👀', sender: '@me', eventId: '$4', redacted: false },
        { key: '❤️', sender: '@carol', eventId: '$5', redacted: true },
      ],
      '@me',
    )
    expect(chips).toEqual([
      { key: '👀', count: 2, senders: ['@bob', '@me'], mine: '$3' },
      { key: '👍', count: 1, senders: ['@bob'], mine: null },
    ])
  })
})
