import { BrowserRouter } from 'react-router'
import type { RuntimeConfig } from '@/lib/config/runtime-config.ts'
import { AppProviders } from './providers.tsx'
import { AppRoutes } from './routes.tsx'

export function App({ config }: { config: RuntimeConfig }) {
  return (
    <AppProviders config={config}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  )
}
