import '@/lib/csp/zod-without-eval.ts'
import type { z } from 'zod'
import { HttpError } from '@/lib/http/fetch-json.ts'
import { registryCanRoute } from './get-node.ts'
import type { Registry } from './registry-http.ts'

/** What this page has learnt about the history route, per registry: absent (404) or present. */
const verdicts = new WeakMap<Registry, 'absent' | 'present'>()
/** The first request in flight while no verdict is known: the others wait for its answer. */
const probes = new WeakMap<Registry, Promise<void>>()

/**
 * FastAPI's 404 for a path no route matches says "Not Found"; an unknown node on a registry with the route
 * says "Node not found: <id>". Only the first tells that the route is absent.
 */
function routeMissing(e: HttpError): boolean {
  return e.status === 404 && !/node not found/i.test(e.detail ?? '')
}

/** Whether the history route is known absent on `registry` (a 404 was seen this session). */
export function historyRouteAbsent(registry: Registry): boolean {
  return verdicts.get(registry) === 'absent'
}

/**
 * `GET /api/v1/nodes/{id}/heartbeats` (contract section 4, the history extension), raw beats or buckets by
 * `params`. Resolves to null when the registry answers 404: the route is absent on this deployment, and the
 * page falls back to what it observed itself. A 404 for the route answers the question for the session:
 * the first request goes out alone, and once it says "absent" no other is sent (the Events page used to ask
 * once per node on every load).
 */
export async function getHistoryRoute(
  registry: Registry,
  nodeId: string,
  range: { since: number; until: number },
  params: Record<string, number>,
  signal?: AbortSignal,
): Promise<unknown> {
  // An id the registry cannot route has no history to ask for: the page shows what it observed.
  if (!registryCanRoute(nodeId)) return null
  // Wait for the request that is finding out, if any (a failed one leaves no verdict: the next goes out).
  for (let probe = probes.get(registry); verdicts.get(registry) === undefined && probe;) {
    await probe
    probe = probes.get(registry)
  }
  if (verdicts.get(registry) === 'absent') return null
  let release: (() => void) | undefined
  if (verdicts.get(registry) === undefined)
    probes.set(
      registry,
      new Promise<void>((resolve) => {
        release = resolve
      }),
    )
  try {
    const body = await registry.get(
      `/api/v1/nodes/${encodeURIComponent(nodeId)}/heartbeats`,
      { since: new Date(range.since).toISOString(), until: new Date(range.until).toISOString(), ...params },
      signal,
    )
    verdicts.set(registry, 'present')
    return body
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) {
      if (routeMissing(e)) verdicts.set(registry, 'absent')
      return null
    }
    throw e
  } finally {
    if (release) {
      probes.delete(registry)
      release()
    }
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
