import { useMemo } from 'react'
import { useConfig } from '@/lib/config/config-context.tsx'
import { createRegistry, registryBaseUrl, type Registry } from './registry-http.ts'

/** The registry transport for the runtime configuration (the demo registry when none is configured). */
export function useRegistry(): Registry {
  const config = useConfig()
  return useMemo(
    () =>
      createRegistry({
        baseUrl: registryBaseUrl(config, window.location.origin),
        authorization: config.registryAuthorization,
        timeoutMs: config.requestTimeoutMs,
      }),
    [config],
  )
}
