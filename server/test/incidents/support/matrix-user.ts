import { createHmac } from 'node:crypto'

/** A logged-in test user and a thin client-server API helper (Node fetch, no SDK). */
export interface MatrixUser {
  baseUrl: string
  userId: string
  accessToken: string
  call: <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<T>
}

/** Registers through the shared-secret admin API (nonce, then HMAC-SHA1) and logs in. */
export async function registerAndLogin(
  baseUrl: string,
  secret: string,
  username: string,
  password: string,
): Promise<MatrixUser> {
  const { nonce } = (await (await fetch(`${baseUrl}/_synapse/admin/v1/register`)).json()) as { nonce: string }
  const mac = createHmac('sha1', secret)
    .update([nonce, username, password, 'notadmin'].join('\u0000'))
    .digest('hex')
  const reg = await fetch(`${baseUrl}/_synapse/admin/v1/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ nonce, username, password, admin: false, mac }),
  })
  if (!reg.ok) throw new Error(`register ${username}: ${reg.status} ${await reg.text()}`)
  const res = await fetch(`${baseUrl}/_matrix/client/v3/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user: username },
      password,
    }),
  })
  const session = (await res.json()) as { user_id: string; access_token: string }
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`)
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}/_matrix/client/v3${path}`, {
      method,
      headers: { Authorization: `Bearer ${session.access_token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    })
    const json = (await r.json()) as T
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`)
    return json
  }
  return { baseUrl, userId: session.user_id, accessToken: session.access_token, call }
}
