import { BrowserRouter } from 'react-router'
import type { ObservedHistoryStore } from '@/entities/node/model/observed-history-store.ts'
import type { RuntimeConfig } from '@/lib/config/runtime-config.ts'
import { AppProviders } from './providers.tsx'
import { AppRoutes } from './routes.tsx'

export function App({
  config,
  observedHistory,
}: {
  config: RuntimeConfig
  /** Given when it was read back from the browser before the first paint (`main.tsx`). */
  observedHistory?: ObservedHistoryStore
}) {
  return (
    <AppProviders config={config} observedHistory={observedHistory}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  )
}
