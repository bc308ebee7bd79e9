import '@/lib/csp/zod-without-eval.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app.tsx'
import { createObservedHistoryStore } from '@/entities/node/model/observed-history-store.ts'
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
  const observedHistory = createObservedHistoryStore()
  // Without a console server nothing else remembers what the page saw: the browser keeps it (IndexedDB,
  // loaded on demand), read back before the first paint so no view shows a history that then changes.
  if (!config.server) {
    const { restoreAndKeepObservedHistory } = await import('@/entities/node/storage/keep-observed-history.ts')
    await restoreAndKeepObservedHistory(observedHistory, {
      registryUrl: config.registryUrl,
      demoSeed: config.demo.seed,
    })
  }
  const root = document.getElementById('root')
  if (!root) throw new Error('#root is missing from index.html')
  createRoot(root).render(
    <StrictMode>
      <App config={config} observedHistory={observedHistory} />
    </StrictMode>,
  )
}

void boot()
