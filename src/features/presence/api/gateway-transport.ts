import '@/lib/csp/zod-without-eval.ts'
import type { SetPresence } from 'matrix-js-sdk'
import { z } from 'zod'
import type { PresenceState } from '../model/presence-machine.ts'
import {
  PresenceWriteError,
  type PresenceTransport,
  type PresenceWriteFailure,
} from '../model/presence-transport.ts'
import { createStatusMessageReader, type PresenceClient } from './presence-client.ts'

/* eslint-disable @typescript-eslint/no-unsafe-enum-assignment -- the strings are SetPresence's values */
const syncPresenceOf: Record<PresenceState, SetPresence> = {
  online: 'online' as SetPresence,
  unavailable: 'unavailable' as SetPresence,
  offline: 'offline' as SetPresence,
}
/* eslint-enable @typescript-eslint/no-unsafe-enum-assignment */

/** The homeserver's JSON error, which the gateway passes on as an object or as its text. */
const MatrixBodySchema = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v
    try {
      return JSON.parse(v) as unknown
    } catch {
      return {}
    }
  },
  z.object({ retry_after_ms: z.number().optional().catch(undefined) }).catch({}),
)

/** The gateway wraps any homeserver error in a 500: the real status is inside. */
const GatewayErrorSchema = z.object({
  detail: z.object({
    message: z.string().optional().catch(undefined),
    matrix_status: z.number(),
    matrix_body: MatrixBodySchema.optional(),
  }),
})

const DEFAULT_RETRY_AFTER_MS = 10_000

/** Reads a gateway answer that is not 200: a 500 wrapping the homeserver's 429 or 401, a 503, or anything. */
export async function failureOfGatewayResponse(res: Response): Promise<PresenceWriteFailure> {
  if (res.status === 500) {
    let json: unknown = null
    try {
      json = await res.json()
    } catch {
      // Not JSON: a gateway failure of its own.
    }
    const parsed = GatewayErrorSchema.safeParse(json)
    if (parsed.success) {
      const { matrix_status, matrix_body } = parsed.data.detail
      if (matrix_status === 429)
        return {
          kind: 'rate-limited',
          retryAfterMs: matrix_body?.retry_after_ms ?? DEFAULT_RETRY_AFTER_MS,
        }
      if (matrix_status === 401) return { kind: 'unauthorized' }
    }
  }
  if (res.status === 429) {
    const retry = Number(res.headers.get('Retry-After'))
    return {
      kind: 'rate-limited',
      retryAfterMs: Number.isFinite(retry) && retry > 0 ? retry * 1000 : DEFAULT_RETRY_AFTER_MS,
    }
  }
  // 503 "Matrix unavailable" and everything else: try again later.
  return { kind: 'transient' }
}

/**
 * Presence through the matrix-gateway of existing deployments:
 * `POST {gatewayUrl}/internal/matrix/presence/online` with the user's id and token, which the gateway PUTs
 * to the homeserver. It sends the token through another service, so it is an option, never the default.
 * The sync presence is still set on the client, or the next `/sync` would undo the write.
 */
export function createGatewayTransport(
  client: PresenceClient,
  gatewayUrl: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): PresenceTransport {
  const status = createStatusMessageReader(client)
  const url = `${gatewayUrl.replace(/\/+$/, '')}/internal/matrix/presence/online`
  return {
    setSyncPresence(state) {
      void client.setSyncPresence(syncPresenceOf[state])
    },
    async write(state, statusMsg, { keepAlive }) {
      const userId = client.getUserId()
      const token = client.getAccessToken()
      if (!userId || !token) throw new PresenceWriteError({ kind: 'unauthorized' }, 'no session')
      const body = {
        matrix_user_id: userId,
        access_token: token,
        status: state,
        ...(statusMsg === undefined ? {} : { status_msg: statusMsg }),
      }
      let res: Response
      try {
        res = await fetchImpl(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          keepalive: keepAlive,
        })
      } catch {
        throw new PresenceWriteError({ kind: 'transient' }, 'gateway unreachable')
      }
      if (res.ok) return
      throw new PresenceWriteError(await failureOfGatewayResponse(res))
    },
    readStatusMessage: () => status.read(),
    knownStatusMessage: () => status.known(),
  }
}
