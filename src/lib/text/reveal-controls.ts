/**
 * Characters a reader cannot see but that change what they read: C0/C1 controls, format characters (the
 * bidi embeddings, overrides and isolates, zero-width spaces and joiners, the BOM, soft hyphens) and the
 * line and paragraph separators. In an id a U+202E turns "node-abc" into what looks like another id.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu
const ANY_HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u

/** The visible stand-in for a hidden character: `⟨U+202E⟩`. */
export function controlLabel(ch: string): string {
  const code = ch.codePointAt(0) ?? 0
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`
}

export type TextPart = { kind: 'text'; text: string } | { kind: 'control'; char: string; label: string }

/** Splits `text` into plain runs and hidden characters, in order. */
export function splitControls(text: string): TextPart[] {
  const parts: TextPart[] = []
  let from = 0
  for (const m of text.matchAll(HIDDEN)) {
    if (m.index > from) parts.push({ kind: 'text', text: text.slice(from, m.index) })
    parts.push({ kind: 'control', char: m[0], label: controlLabel(m[0]) })
    from = m.index + m[0].length
  }
  if (from < text.length) parts.push({ kind: 'text', text: text.slice(from) })
  return parts
}

/** `text` with every hidden character written out (for titles, labels and canvas/SVG text). */
export function revealControls(text: string): string {
  return text.replace(HIDDEN, controlLabel)
}

/** Whether `text` holds a hidden character. */
export function hasControls(text: string): boolean {
  return ANY_HIDDEN.test(text)
}

/**
 * Plain text isolated from its surroundings (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE), for places
 * that take no markup: an SVG label, a `title`, an `aria-label`.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`
}
