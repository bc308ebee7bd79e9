import '@/lib/csp/zod-without-eval.ts'
import type { z } from 'zod'
import { HttpError } from '@/lib/http/fetch-json.ts'
import type { Registry } from './registry-http.ts'

/**
 * `GET /api/v1/nodes/{id}/heartbeats` (contract section 4, the history extension), raw beats or buckets by
 * `params`. Resolves to null when the registry answers 404: the route is absent on this deployment, and the
 * page falls back to what it observed itself.
 */
export async function getHistoryRoute(
  registry: Registry,
  nodeId: string,
  range: { since: number; until: number },
  params: Record<string, number>,
  signal?: AbortSignal,
): Promise<unknown> {
  try {
    return await registry.get(
      `/api/v1/nodes/${encodeURIComponent(nodeId)}/heartbeats`,
      { since: new Date(range.since).toISOString(), until: new Date(range.until).toISOString(), ...params },
      signal,
    )
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return null
    throw e
  }
}

/**
 * The rows `schema` can read and whose `key` holds a time, oldest first, and how many were dropped: a bad row
 * costs that row only (the envelope is validated by the caller and fails the request).
 */
export function timedRows<T, K extends keyof T>(
  rows: readonly unknown[],
  schema: z.ZodType<T>,
  key: K,
): { rows: (T & Record<K, number>)[]; dropped: number } {
  const out: (T & Record<K, number>)[] = []
  for (const row of rows) {
    const r = schema.safeParse(row)
    if (!r.success) continue
    const at = r.data[key]
    if (typeof at === 'number') out.push({ ...r.data, [key]: at })
  }
  out.sort((a, b) => a[key] - b[key])
  return { rows: out, dropped: rows.length - out.length }
}
