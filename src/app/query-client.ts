import { QueryClient } from '@tanstack/react-query'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Polling is explicit per query; a focus refetch would overlap it.
        refetchOnWindowFocus: false,
        // Keep showing the last good data while a refetch fails (the "stale since" banner says so).
        retry: 2,
        retryDelay: (attempt) => Math.min(30_000, 1000 * 2 ** attempt),
      },
    },
  })
}
