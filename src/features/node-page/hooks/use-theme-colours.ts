import { useSyncExternalStore } from 'react'

/**
 * The theme's colour tokens (`--color-*` in index.css) as strings a canvas can use. Canvas cannot read
 * Tailwind classes, so it reads the custom properties, and redraws when the `.dark` class flips.
 */
export interface ThemeColours {
  fg: string
  muted: string
  border: string
  sunken: string
  accent: string
  ok: string
  warn: string
  bad: string
  info: string
  unknown: string
  dark: boolean
}

const FALLBACK: ThemeColours = {
  fg: '#0f172a',
  muted: '#475569',
  border: '#cbd5e1',
  sunken: '#eef2f6',
  accent: '#1d4ed8',
  ok: '#15803d',
  warn: '#a16207',
  bad: '#b91c1c',
  info: '#0369a1',
  unknown: '#64748b',
  dark: false,
}

let cached: ThemeColours | null = null

function read(): ThemeColours {
  const root = document.documentElement
  const css = getComputedStyle(root)
  const v = (name: keyof ThemeColours) =>
    css.getPropertyValue(`--color-${name}`).trim() || String(FALLBACK[name])
  return {
    fg: v('fg'),
    muted: v('muted'),
    border: v('border'),
    sunken: v('sunken'),
    accent: v('accent'),
    ok: v('ok'),
    warn: v('warn'),
    bad: v('bad'),
    info: v('info'),
    unknown: v('unknown'),
    dark: root.classList.contains('dark'),
  }
}

function subscribe(onChange: () => void) {
  const mo = new MutationObserver(() => {
    cached = read()
    onChange()
  })
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
  return () => mo.disconnect()
}

function snapshot(): ThemeColours {
  const dark = document.documentElement.classList.contains('dark')
  if (!cached || cached.dark !== dark) cached = read()
  return cached
}

/** The current theme's colours; a new object only when the theme changes. */
export function useThemeColours(): ThemeColours {
  return useSyncExternalStore(subscribe, snapshot, () => FALLBACK)
}
