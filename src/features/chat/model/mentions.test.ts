import { describe, expect, it } from 'vitest'
import { mentionsMe, parsePermalink, splitMentions } from './mentions.ts'

const me = { userId: '@alice:example.org', displayName: 'Alice' }

describe('parsePermalink', () => {
  it('reads users and rooms from matrix.to links', () => {
    expect(parsePermalink('https://matrix.to/#/@bob:example.org')).toEqual({
      kind: 'user',
      userId: '@bob:example.org',
    })
    expect(parsePermalink('https://matrix.to/#/%23ops%3Aexample.org')).toEqual({
      kind: 'room',
      roomIdOrAlias: '#ops:example.org',
    })
    expect(parsePermalink('https://matrix.to/#/!abc:example.org:8448?via=x')).toEqual({
      kind: 'room',
      roomIdOrAlias: '!abc:example.org:8448',
    })
  })
  it('leaves other links alone', () => {
    expect(parsePermalink('https://matrix.to/#/!abc:example.org/$event')).toBeNull()
    expect(parsePermalink('https://evil.example/#/@bob:example.org')).toBeNull()
    expect(parsePermalink('https://matrix.to/#/@bob')).toBeNull()
    expect(parsePermalink('https://matrix.to/#/%E0%A4%A')).toBeNull()
  })
})

describe('mentionsMe', () => {
  it('trusts m.mentions when the sender wrote it', () => {
    const body = 'Alice, look'
    expect(mentionsMe({ body, 'm.mentions': { user_ids: [me.userId] } }, '@bob:example.org', me)).toBe(true)
    // An intentional-mentions client that did not mention me: my name in the text is not a ping.
    expect(mentionsMe({ body, 'm.mentions': {} }, '@bob:example.org', me)).toBe(false)
  })
  it('finds my id or display name in the body of older clients, as a whole word', () => {
    expect(mentionsMe({ body: 'ping @alice:example.org' }, '@bob:example.org', me)).toBe(true)
    expect(mentionsMe({ body: 'hey alice!' }, '@bob:example.org', me)).toBe(true)
    expect(mentionsMe({ body: 'Alicetown is far' }, '@bob:example.org', me)).toBe(false)
  })
  it('never counts my own messages', () => {
    expect(mentionsMe({ body: 'I am Alice' }, me.userId, me)).toBe(false)
  })
})

describe('splitMentions', () => {
  it('turns user ids, room aliases and mentioned names into mentions', () => {
    const names = new Map([['Bob Builder', '@bob:example.org']])
    expect(splitMentions('ask Bob Builder or @carol:example.org. See #ops:example.org', names)).toEqual([
      { kind: 'text', text: 'ask ' },
      { kind: 'mention', text: 'Bob Builder', target: { kind: 'user', userId: '@bob:example.org' } },
      { kind: 'text', text: ' or ' },
      { kind: 'mention', text: '@carol:example.org', target: { kind: 'user', userId: '@carol:example.org' } },
      { kind: 'text', text: '. See ' },
      {
        kind: 'mention',
        text: '#ops:example.org',
        target: { kind: 'room', roomIdOrAlias: '#ops:example.org' },
      },
    ])
  })
  it('does not see a mention inside an e-mail address or a word', () => {
    expect(splitMentions('mail bob@carol:example.org')).toEqual([
      { kind: 'text', text: 'mail bob@carol:example.org' },
    ])
    expect(splitMentions('no names here', new Map([['nam', '@x:y']]))).toEqual([
      { kind: 'text', text: 'no names here' },
    ])
  })
})
