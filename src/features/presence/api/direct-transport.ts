import '@/lib/csp/zod-without-eval.ts'
import type { Method, SetPresence } from 'matrix-js-sdk'
import { z } from 'zod'
import type { PresenceState } from '../model/presence-machine.ts'
import {
  PresenceWriteError,
  type PresenceTransport,
  type PresenceWriteFailure,
} from '../model/presence-transport.ts'
import { createStatusMessageReader, type PresenceClient } from './presence-client.ts'

// The SDK's enum values spelled out: a type-only import keeps the SDK out of this module's chunk.
/* eslint-disable @typescript-eslint/no-unsafe-enum-assignment -- the strings are the enums' values */
const PUT = 'PUT' as Method
const syncPresenceOf: Record<PresenceState, SetPresence> = {
  online: 'online' as SetPresence,
  unavailable: 'unavailable' as SetPresence,
  offline: 'offline' as SetPresence,
}
/* eslint-enable @typescript-eslint/no-unsafe-enum-assignment */

/** What a `MatrixError` carries (read by shape: the SDK class itself is loaded lazily). */
const MatrixErrorShape = z.object({
  httpStatus: z.number(),
  data: z
    .object({ retry_after_ms: z.number().optional().catch(undefined) })
    .partial()
    .optional()
    .catch(undefined),
})

/** Fallback wait after a 429 without `retry_after_ms`: Synapse's rate is one presence write per 10 s. */
const DEFAULT_RETRY_AFTER_MS = 10_000

export function failureOfMatrixError(err: unknown): PresenceWriteFailure {
  const parsed = MatrixErrorShape.safeParse(err)
  if (!parsed.success) return { kind: 'transient' }
  const { httpStatus, data } = parsed.data
  if (httpStatus === 429)
    return { kind: 'rate-limited', retryAfterMs: data?.retry_after_ms ?? DEFAULT_RETRY_AFTER_MS }
  if (httpStatus === 401) return { kind: 'unauthorized' }
  return { kind: 'transient' }
}

/**
 * Presence straight to the homeserver (the default): the sync presence on the client, then
 * `PUT /_matrix/client/v3/presence/{userId}/status` with the user's own token. Offline goes out as a
 * `fetch` with `keepalive`, which survives the page closing and still carries the Authorization header
 * (`sendBeacon` can do neither a PUT nor a header).
 */
export function createDirectTransport(client: PresenceClient): PresenceTransport {
  const status = createStatusMessageReader(client)
  return {
    setSyncPresence(state) {
      void client.setSyncPresence(syncPresenceOf[state])
    },
    async write(state, statusMsg, { keepAlive }) {
      const body = statusMsg === undefined ? { presence: state } : { presence: state, status_msg: statusMsg }
      const userId = client.getUserId()
      if (!userId) throw new PresenceWriteError({ kind: 'unauthorized' }, 'no user on the Matrix client')
      try {
        if (keepAlive) {
          const path = `/presence/${encodeURIComponent(userId)}/status`
          await client.http.authedRequest(PUT, path, undefined, body, { keepAlive: true })
        } else {
          await client.setPresence(body)
        }
      } catch (err) {
        throw new PresenceWriteError(failureOfMatrixError(err))
      }
    },
    readStatusMessage: () => status.read(),
    knownStatusMessage: () => status.known(),
  }
}
