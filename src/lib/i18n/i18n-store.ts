import { create } from 'zustand'

export const LANGS = ['uk', 'en'] as const
export type Lang = (typeof LANGS)[number]

const STORAGE_KEY = 'node-console.lang'

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'uk' || saved === 'en') return saved
  } catch {
    // Storage can be disabled (private mode): fall through to the browser's languages.
  }
  const langs = typeof navigator === 'undefined' ? [] : navigator.languages
  for (const l of langs) {
    const base = l.toLowerCase().slice(0, 2)
    if (base === 'uk') return 'uk'
    if (base === 'en') return 'en'
  }
  // The team writes Ukrainian: that is the default when the browser prefers neither.
  return 'uk'
}

interface I18nState {
  lang: Lang
  /** The user picked a language in the switch; it is remembered in this browser. */
  langChosen: (lang: Lang) => void
}

export const useI18nStore = create<I18nState>()((set) => ({
  lang: initialLang(),
  langChosen: (lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, lang)
    } catch {
      // Not persisted; the choice still holds for this page.
    }
    document.documentElement.lang = lang
    set({ lang })
  },
}))

export const useLang = () => useI18nStore((s) => s.lang)
