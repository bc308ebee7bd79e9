import { useCallback } from 'react'
import { useLang, type Lang } from './i18n-store.ts'

/**
 * Messages live beside the feature that uses them: `{ uk: {...}, en: {...} }` with the same keys.
 * Placeholders are `{name}`; a value is always inserted as text (React escapes it), never as markup.
 * A count that changes the words is written `{count, plural, one {# beat} other {# beats}}`: the branch is
 * chosen by the language's own rules (`Intl.PluralRules`: Ukrainian has one, few, many), `#` is the number,
 * and `other` is the fallback.
 */
export type Messages<K extends string> = Record<Lang, Record<K, string>>

export function defineMessages<K extends string>(m: Messages<K>): Messages<K> {
  return m
}

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string

const pluralRules = new Map<Lang, Intl.PluralRules>()

/** The plural category of `n` in `lang` (`one`, `few`, `many`, `other`…). */
export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang)
  if (!rules) {
    rules = new Intl.PluralRules(lang)
    pluralRules.set(lang, rules)
  }
  return rules.select(n)
}

/** The end of the brace group opened at `open` (which holds `{`), or -1. */
function closing(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth += 1
    else if (text[i] === '}' && --depth === 0) return i
  }
  return -1
}

/** Replaces every `{name, plural, …}` block with the branch for `params[name]`. */
function selectPlurals(template: string, lang: Lang, params: Record<string, string | number>): string {
  const head = /\{(\w+), plural,/g
  let out = ''
  let from = 0
  for (let m = head.exec(template); m; m = head.exec(template)) {
    const end = closing(template, m.index)
    if (end < 0) break
    const name = m[1] ?? ''
    const n = Number(params[name])
    const branches = new Map<string, string>()
    const body = template.slice(m.index + m[0].length, end)
    const branch = /\s*(=?\w+)\s*\{/g
    for (let b = branch.exec(body); b; b = branch.exec(body)) {
      const open = b.index + b[0].length - 1
      const close = closing(body, open)
      if (close < 0) break
      branches.set(b[1] ?? '', body.slice(open + 1, close))
      branch.lastIndex = close + 1
    }
    const chosen =
      branches.get(`=${n}`) ?? branches.get(pluralCategory(lang, n)) ?? branches.get('other') ?? ''
    out += template.slice(from, m.index) + chosen.replaceAll('#', String(params[name] ?? ''))
    from = end + 1
    head.lastIndex = end + 1
  }
  return out + template.slice(from)
}

export function translate<K extends string>(
  messages: Messages<K>,
  lang: Lang,
  key: K,
  params?: Record<string, string | number>,
): string {
  const template = messages[lang][key]
  if (!params) return template
  return selectPlurals(template, lang, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name]
    return v === undefined ? whole : String(v)
  })
}

/** Returns `t(key, params)` for the current language; re-renders when the language changes. */
export function useT<K extends string>(messages: Messages<K>): Translate<K> {
  const lang = useLang()
  return useCallback(
    (key: K, params?: Record<string, string | number>) => translate(messages, lang, key, params),
    [messages, lang],
  )
}
