import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useLayoutEffect, useState, type ReactNode } from 'react'
import { observeRegistryQueries } from '@/entities/node/api/observe-registry-queries.ts'
import { ObservedHistoryProvider } from '@/entities/node/model/observed-history-context.tsx'
import {
  createObservedHistoryStore,
  type ObservedHistoryStore,
} from '@/entities/node/model/observed-history-store.ts'
import { ConfigProvider } from '@/lib/config/config-context.tsx'
import type { RuntimeConfig } from '@/lib/config/runtime-config.ts'
import { createQueryClient } from './query-client.ts'

/**
 * The app's providers: the query client, and the observed history fed by it (one cache subscriber). Tests
 * pass their own client (no retries) and store through `renderWithProviders`.
 */
export function AppProviders({
  config,
  queryClient,
  observedHistory,
  children,
}: {
  config: RuntimeConfig
  queryClient?: QueryClient
  observedHistory?: ObservedHistoryStore
  children: ReactNode
}) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  const [observed] = useState(() => observedHistory ?? createObservedHistoryStore())
  // A layout effect runs before the queries' passive effects start their first fetch.
  useLayoutEffect(() => observeRegistryQueries(client, observed), [client, observed])
  return (
    <ConfigProvider config={config}>
      <QueryClientProvider client={client}>
        <ObservedHistoryProvider store={observed}>{children}</ObservedHistoryProvider>
      </QueryClientProvider>
    </ConfigProvider>
  )
}
