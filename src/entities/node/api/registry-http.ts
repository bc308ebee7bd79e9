import { fetchJson } from '@/lib/http/fetch-json.ts'
import type { RuntimeConfig } from '@/lib/config/runtime-config.ts'

/**
 * The registry's HTTP transport: base URL, the optional `Authorization` header of a fronting proxy, and a
 * per-request timeout. Endpoint files (`get-*.ts`) call `get` and validate what comes back with zod.
 */
export interface Registry {
  readonly baseUrl: string
  get(
    path: string,
    query?: Record<string, string | number | undefined>,
    signal?: AbortSignal,
  ): Promise<unknown>
}

/** Where the simulated registry answers in demo mode (intercepted by MSW, same origin). */
export const DEMO_REGISTRY_PATH = '/demo-registry'

/**
 * The registry's absolute base URL, without a trailing slash. A relative `registryUrl` (`"/"` from the console's
 * own server) is resolved against the page's origin; none means the demo registry.
 */
export function registryBaseUrl(config: Pick<RuntimeConfig, 'registryUrl'>, origin: string): string {
  // `||`, not `??`: an empty URL in config.json means demo mode too.
  const url = config.registryUrl || `${origin}${DEMO_REGISTRY_PATH}`
  return new URL(url, `${origin}/`).href.replace(/\/+$/, '')
}

export function createRegistry(opts: {
  baseUrl: string
  authorization?: string | undefined
  timeoutMs: number
}): Registry {
  const headers: Record<string, string> = opts.authorization ? { Authorization: opts.authorization } : {}
  return {
    baseUrl: opts.baseUrl,
    get(path, query, signal) {
      const url = new URL(`${opts.baseUrl}${path}`)
      for (const [k, v] of Object.entries(query ?? {}))
        if (v !== undefined && v !== '') url.searchParams.set(k, String(v))
      return fetchJson(url.toString(), { headers, timeoutMs: opts.timeoutMs, signal })
    },
  }
}
