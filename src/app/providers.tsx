import { QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { useFleetStream } from '@/entities/node/api/fleet-stream.ts'
import { ConfigProvider } from '@/lib/config/config-context.tsx'
import type { RuntimeConfig } from '@/lib/config/runtime-config.ts'
import { createQueryClient } from './query-client.ts'

export function AppProviders({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  return (
    <ConfigProvider config={config}>
      <QueryClientProvider client={queryClient}>
        <FleetStream />
        {children}
      </QueryClientProvider>
    </ConfigProvider>
  )
}

/** The tab's one push stream from the console server (nothing without one). */
function FleetStream() {
  useFleetStream()
  return null
}
