import { parseRegistryTime } from '../../../src/entities/node/model/schemas.ts'
import { badRequest } from '../http/problem.ts'

/** The history route's parameters (registry-api.md §4), checked before any query runs. */
export interface HistoryParams {
  since: Date
  until: Date
  limit: number
  /** Bucket width in seconds; absent for raw beats. */
  bucket: number | null
}

export const MAX_LIMIT = 10_000
export const DEFAULT_LIMIT = 1_000
export const MAX_BUCKET_SECONDS = 30 * 86_400
const DEFAULT_SPAN_MS = 30 * 86_400_000

function text(query: Record<string, unknown>, name: string): string | null {
  const v = query[name]
  if (Array.isArray(v)) throw badRequest(`${name} is given more than once`)
  return typeof v === 'string' && v !== '' ? v : null
}

function integer(query: Record<string, unknown>, name: string, min: number, max: number): number | null {
  const raw = text(query, name)
  if (raw === null) return null
  if (!/^-?\d{1,12}$/.test(raw)) throw badRequest(`${name} must be a whole number, not "${raw.slice(0, 40)}"`)
  const n = Number(raw)
  if (n < min || n > max) throw badRequest(`${name} must be between ${min} and ${max}, not ${n}`)
  return n
}

/** An ISO date-time; one without a zone is UTC, as the registry writes them. */
function time(query: Record<string, unknown>, name: string): Date | null {
  const raw = text(query, name)
  if (raw === null) return null
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(raw) ? parseRegistryTime(raw) : null
  if (ms === null)
    throw badRequest(
      `${name} must be an ISO date-time such as 2026-11-29T07:22:53Z, not "${raw.slice(0, 40)}"`,
    )
  return new Date(ms)
}

export function parseHistoryParams(query: Record<string, unknown>, now: number): HistoryParams {
  const until = time(query, 'until') ?? new Date(now)
  const since = time(query, 'since') ?? new Date(until.getTime() - DEFAULT_SPAN_MS)
  if (since.getTime() > until.getTime()) throw badRequest('since must not be after until')
  const limit = integer(query, 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT
  const bucket = integer(query, 'bucket', 1, MAX_BUCKET_SECONDS)
  return { since, until, limit, bucket }
}
