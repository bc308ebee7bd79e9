import '@/lib/csp/zod-without-eval.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app.tsx'
import { isDemoHomeserver, isDemoRegistry, loadRuntimeConfig } from '@/lib/config/runtime-config.ts'
import { followSystemTheme } from '@/lib/theme/theme-store.ts'
import { useI18nStore } from '@/lib/i18n/i18n-store.ts'
import './index.css'

async function boot() {
  followSystemTheme()
  document.documentElement.lang = useI18nStore.getState().lang
  const config = await loadRuntimeConfig()
  // Demo mode only: the simulator and MSW are loaded on demand, never in live mode.
  if (isDemoRegistry(config) || isDemoHomeserver(config)) {
    const { startDemo } = await import('@mocks/browser.ts')
    await startDemo(config)
  }
  const root = document.getElementById('root')
  if (!root) throw new Error('#root is missing from index.html')
  createRoot(root).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  )
}

void boot()
