import '@/lib/csp/zod-without-eval.ts'
import { z } from 'zod'
import { localpartOf, rememberedDeviceId, type MatrixSession } from './matrix-session.ts'

/** A login failure the form can explain: the server's errcode and message, or a network failure. */
export class MatrixLoginError extends Error {
  constructor(
    message: string,
    readonly errcode: string | undefined,
    readonly httpStatus: number | undefined,
  ) {
    super(message)
    this.name = 'MatrixLoginError'
  }
}

const LoginResponseSchema = z.object({
  user_id: z.string().startsWith('@'),
  access_token: z.string().min(1),
  device_id: z.string().min(1),
})
const WhoamiResponseSchema = z.object({
  user_id: z.string().startsWith('@'),
  device_id: z.string().min(1).optional(),
})
const ErrorBodySchema = z.object({ errcode: z.string().optional(), error: z.string().optional() })

async function request(url: string, init: RequestInit): Promise<unknown> {
  let res: Response
  try {
    res = await fetch(url, init)
  } catch (e) {
    throw new MatrixLoginError(e instanceof Error ? e.message : 'Network error', undefined, undefined)
  }
  const body: unknown = await res.json().catch(() => ({}))
  if (!res.ok) {
    const err = ErrorBodySchema.catch({}).parse(body)
    throw new MatrixLoginError(err.error ?? `HTTP ${res.status}`, err.errcode, res.status)
  }
  return body
}

/**
 * Password login (`m.login.password`). Reuses this browser's previous device for the user when there is one,
 * so logging in again does not pile up devices.
 */
export async function loginWithPassword(
  homeserverUrl: string,
  user: string,
  password: string,
): Promise<MatrixSession> {
  const localpart = localpartOf(user)
  const deviceId = rememberedDeviceId(homeserverUrl, localpart)
  const body = await request(`${homeserverUrl}/_matrix/client/v3/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user: localpart },
      password,
      initial_device_display_name: 'Node Console',
      ...(deviceId ? { device_id: deviceId } : {}),
    }),
  })
  const res = LoginResponseSchema.parse(body)
  return { homeserverUrl, userId: res.user_id, accessToken: res.access_token, deviceId: res.device_id }
}

/** Access-token login: asks the server who the token belongs to (`/account/whoami`). */
export async function loginWithToken(homeserverUrl: string, accessToken: string): Promise<MatrixSession> {
  const body = await request(`${homeserverUrl}/_matrix/client/v3/account/whoami`, {
    headers: { Authorization: `Bearer ${accessToken.trim()}` },
  })
  const res = WhoamiResponseSchema.parse(body)
  return {
    homeserverUrl,
    userId: res.user_id,
    accessToken: accessToken.trim(),
    // A token without a device (appservice-style) still needs a stable id for txn ids and receipts.
    deviceId: res.device_id ?? 'NODE_CONSOLE',
  }
}
