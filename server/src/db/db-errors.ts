import { Problem } from '../http/problem.ts'

/**
 * Why a database call failed, in a sentence for the `detail` of a 503 and for `/healthz`. SQL and
 * parameters are never part of it: only PostgreSQL's error code class and the driver's own reason.
 */
export function databaseReason(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown }
  const code = typeof err.code === 'string' ? err.code : ''
  if (code === '57014') return 'the query took longer than the statement timeout and was cancelled'
  if (code === 'ECONNREFUSED') return 'the database refused the connection'
  if (code === 'CONNECT_TIMEOUT') return 'the database did not answer in time'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the database host cannot be resolved'
  if (code === '28P01' || code === '28000') return 'the database rejected the credentials'
  if (code === '3D000') return 'the database does not exist'
  if (code === '42P01' || code === '42703') return 'the registry database lacks an expected table or column'
  if (code === '42501') return 'the database role may not read the registry tables'
  if (
    code.startsWith('08') ||
    code === 'CONNECTION_CLOSED' ||
    code === 'CONNECTION_DESTROYED' ||
    code === 'ECONNRESET'
  )
    return 'the connection to the database was lost'
  if (code === '57P01' || code === '57P03') return 'the database is shutting down or starting up'
  return `the database failed (${code || (typeof err.message === 'string' ? err.message.slice(0, 120) : 'unknown error')})`
}

/** Runs a database read; a failure becomes a 503 with the reason. */
export async function fromDatabase<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (e) {
    throw new Problem(503, `History is unavailable: ${databaseReason(e)}.`)
  }
}
