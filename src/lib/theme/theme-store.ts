import { create } from 'zustand'

export type ThemeChoice = 'system' | 'light' | 'dark'
const STORAGE_KEY = 'node-console.theme'

function readChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    if (v === 'light' || v === 'dark') return v
  } catch {
    // Storage disabled: follow the OS.
  }
  return 'system'
}

const systemDark = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches

function apply(choice: ThemeChoice) {
  const dark = choice === 'dark' || (choice === 'system' && systemDark())
  document.documentElement.classList.toggle('dark', dark)
}

interface ThemeState {
  choice: ThemeChoice
  /** The user picked a theme in the toggle ('system' follows the OS again). */
  themeChosen: (choice: ThemeChoice) => void
}

export const useThemeStore = create<ThemeState>()((set) => ({
  choice: readChoice(),
  themeChosen: (choice) => {
    try {
      if (choice === 'system') localStorage.removeItem(STORAGE_KEY)
      else localStorage.setItem(STORAGE_KEY, choice)
    } catch {
      // Not persisted; applied for this page.
    }
    apply(choice)
    set({ choice })
  },
}))

/** Keeps the page in step with the OS while the choice is 'system'. Call once at start-up. */
export function followSystemTheme(): () => void {
  if (typeof matchMedia !== 'function') return () => undefined
  const mq = matchMedia('(prefers-color-scheme: dark)')
  const onChange = () => apply(useThemeStore.getState().choice)
  mq.addEventListener('change', onChange)
  apply(useThemeStore.getState().choice)
  return () => mq.removeEventListener('change', onChange)
}
