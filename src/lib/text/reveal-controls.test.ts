import { describe, expect, it } from 'vitest'
import { hasControls, revealControls, splitControls } from './reveal-controls.ts'

describe('revealControls', () => {
  it('writes a right-to-left override out, so the id read is the id', () => {
    expect(revealControls('node-\u202Eabc')).toBe('node-⟨U+202E⟩abc')
    expect(hasControls('node-\u202Eabc')).toBe(true)
  })

  it('reveals zero-width, bidi isolates, BOM, control and separator characters', () => {
    expect(revealControls('a\u200Bb\u2066c\u2069\uFEFF\u0007\u2028')).toBe(
      'a⟨U+200B⟩b⟨U+2066⟩c⟨U+2069⟩⟨U+FEFF⟩⟨U+0007⟩⟨U+2028⟩',
    )
  })

  it('leaves ordinary text, other scripts and emoji alone', () => {
    for (const s of ['node-1-hetzner-gex44', 'вузол-київ', 'שרת', '🚀 launch', 'host.example'])
      expect(revealControls(s)).toBe(s)
    expect(hasControls('🚀 launch')).toBe(false)
  })

  it('splits text into runs and marked characters', () => {
    expect(splitControls('ab\u202Ecd')).toEqual([
      { kind: 'text', text: 'ab' },
      { kind: 'control', char: '\u202E', label: '⟨U+202E⟩' },
      { kind: 'text', text: 'cd' },
    ])
    expect(splitControls('')).toEqual([])
  })
})
