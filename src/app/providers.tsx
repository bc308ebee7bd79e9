import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { ConfigProvider } from '@/lib/config/config-context.tsx'
import type { RuntimeConfig } from '@/lib/config/runtime-config.ts'
import { createQueryClient } from './query-client.ts'

/** The app's providers; tests pass their own `queryClient` (no retries) through `renderWithProviders`. */
export function AppProviders({
  config,
  queryClient,
  children,
}: {
  config: RuntimeConfig
  queryClient?: QueryClient
  children: ReactNode
}) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  return (
    <ConfigProvider config={config}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </ConfigProvider>
  )
}
