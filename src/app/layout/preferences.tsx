import { useI18nStore, type Lang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { useThemeStore, type ThemeChoice } from '@/lib/theme/theme-store.ts'
import { appMessages } from './app-messages.ts'

const selectClass = 'rounded-md border border-border bg-raised px-2 py-1.5 text-sm'

export function LanguageSwitch() {
  const t = useT(appMessages)
  const lang = useI18nStore((s) => s.lang)
  const langChosen = useI18nStore((s) => s.langChosen)
  return (
    <select
      aria-label={t('language')}
      className={selectClass}
      value={lang}
      onChange={(e) => langChosen(e.target.value as Lang)}
    >
      <option value="uk">Українська</option>
      <option value="en">English</option>
    </select>
  )
}

export function ThemeSwitch() {
  const t = useT(appMessages)
  const choice = useThemeStore((s) => s.choice)
  const themeChosen = useThemeStore((s) => s.themeChosen)
  return (
    <select
      aria-label={t('theme')}
      className={selectClass}
      value={choice}
      onChange={(e) => themeChosen(e.target.value as ThemeChoice)}
    >
      <option value="system">{t('themeSystem')}</option>
      <option value="light">{t('themeLight')}</option>
      <option value="dark">{t('themeDark')}</option>
    </select>
  )
}
