import { useCallback } from 'react'
import { useLang, type Lang } from './i18n-store.ts'

/**
 * Messages live beside the feature that uses them: `{ uk: {...}, en: {...} }` with the same keys.
 * Placeholders are `{name}`; a value is always inserted as text (React escapes it), never as markup.
 */
export type Messages<K extends string> = Record<Lang, Record<K, string>>

export function defineMessages<K extends string>(m: Messages<K>): Messages<K> {
  return m
}

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string

export function translate<K extends string>(
  messages: Messages<K>,
  lang: Lang,
  key: K,
  params?: Record<string, string | number>,
): string {
  const template = messages[lang][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
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

/** Ukrainian plural category for counts (one / few / many), via Intl. */
export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(lang === 'uk' ? 'uk' : 'en').select(n)
}
