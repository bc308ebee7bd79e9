import '@/lib/csp/zod-without-eval.ts'
import { z } from 'zod'

/**
 * A Matrix login: everything needed to build a client. The access token is a secret: it is kept per tab
 * (sessionStorage) unless the user opted into "remember me" (localStorage).
 */
export const MatrixSessionSchema = z.object({
  homeserverUrl: z.string().min(1),
  userId: z.string().startsWith('@'),
  accessToken: z.string().min(1),
  deviceId: z.string().min(1),
})
export type MatrixSession = z.infer<typeof MatrixSessionSchema>

const SESSION_KEY = 'node-console.matrix.session'
const DEVICE_KEY = 'node-console.matrix.devices'
const SIGNED_OUT_KEY = 'node-console.matrix.signed-out'

function safeStorage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage
  } catch {
    // Storage can be blocked (privacy settings): the session then lives only in memory.
    return null
  }
}

function readJson(storage: Storage | null, key: string): unknown {
  const raw = storage?.getItem(key)
  if (!raw) return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return undefined
  }
}

/** The stored session for this tab (the tab's own first, then a remembered one), or null. */
export function loadStoredSession(): { session: MatrixSession; remembered: boolean } | null {
  for (const [kind, remembered] of [
    ['session', false],
    ['local', true],
  ] as const) {
    const parsed = MatrixSessionSchema.safeParse(readJson(safeStorage(kind), SESSION_KEY))
    if (parsed.success) return { session: parsed.data, remembered }
  }
  return null
}

/** Keeps the session for this tab, and across restarts only when `remember` is set. */
export function storeSession(session: MatrixSession, remember: boolean): void {
  safeStorage('session')?.setItem(SESSION_KEY, JSON.stringify(session))
  if (remember) safeStorage('local')?.setItem(SESSION_KEY, JSON.stringify(session))
  else safeStorage('local')?.removeItem(SESSION_KEY)
  rememberDevice(session)
}

/**
 * Why this tab was signed out, kept for the tab (sessionStorage) until the next login: a reload must not
 * turn "your token was revoked" into a plain login form.
 */
export function storeSignedOutReason(reason: string | null): void {
  if (reason === null) safeStorage('session')?.removeItem(SIGNED_OUT_KEY)
  else safeStorage('session')?.setItem(SIGNED_OUT_KEY, reason)
}

export function loadSignedOutReason(): string | null {
  return safeStorage('session')?.getItem(SIGNED_OUT_KEY) ?? null
}

/** Forgets the access token everywhere (the device id stays, so the next login reuses the device). */
export function clearStoredSession(): void {
  safeStorage('session')?.removeItem(SESSION_KEY)
  safeStorage('local')?.removeItem(SESSION_KEY)
}

/** `alice`, `@alice` and `@alice:server` name the same account on one homeserver. */
export function localpartOf(user: string): string {
  const m = /^@([^:]+):/.exec(user.trim())
  return m?.[1] ?? user.trim().replace(/^@/, '')
}

const deviceKey = (homeserverUrl: string, user: string) => `${homeserverUrl}|${localpartOf(user)}`

function rememberDevice(session: MatrixSession) {
  const storage = safeStorage('local')
  const parsed = z.record(z.string(), z.string()).safeParse(readJson(storage, DEVICE_KEY))
  const devices = parsed.success ? parsed.data : {}
  devices[deviceKey(session.homeserverUrl, session.userId)] = session.deviceId
  storage?.setItem(DEVICE_KEY, JSON.stringify(devices))
}

/**
 * The device this browser used last time for that user, so a re-login does not create a new device
 * (each device is a row in the user's session list and its own presence source on the server).
 */
export function rememberedDeviceId(homeserverUrl: string, user: string): string | undefined {
  const parsed = z.record(z.string(), z.string()).safeParse(readJson(safeStorage('local'), DEVICE_KEY))
  if (!parsed.success) return undefined
  return parsed.data[deviceKey(homeserverUrl, user)]
}
