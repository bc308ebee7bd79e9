import { createHmac, randomBytes } from 'node:crypto'

export interface RawEvent {
  event_id: string
  type: string
  sender: string
  content: Record<string, unknown> & { body?: string; 'm.relates_to'?: Record<string, unknown> }
}

/**
 * A thin Matrix client-server API helper for seeding and checking from tests (Node fetch, no SDK). Shared by
 * the Playwright runs and the server's incident tests (plain fields: the server type-checks erasable syntax only).
 */
export class MatrixApi {
  readonly baseUrl: string
  readonly userId: string
  readonly accessToken: string
  readonly deviceId: string

  constructor(baseUrl: string, userId: string, accessToken: string, deviceId: string) {
    this.baseUrl = baseUrl
    this.userId = userId
    this.accessToken = accessToken
    this.deviceId = deviceId
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/_matrix/client/v3${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.accessToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = (await res.json()) as T
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
    return json
  }

  createRoom(name: string, alias: string) {
    return this.call<{ room_id: string }>('POST', '/createRoom', {
      preset: 'public_chat',
      name,
      room_alias_name: alias,
    })
  }

  join(room: string) {
    return this.call<{ room_id: string }>('POST', `/join/${encodeURIComponent(room)}`, {})
  }

  send(roomId: string, content: Record<string, unknown>, txnId = randomBytes(8).toString('hex')) {
    return this.call<{ event_id: string }>(
      'PUT',
      `/rooms/${encodeURIComponent(roomId)}/send/m.room.message/${txnId}`,
      content,
    )
  }

  /** Any room event (a reaction, …). */
  sendEvent(roomId: string, type: string, content: Record<string, unknown>) {
    const txnId = randomBytes(8).toString('hex')
    return this.call<{ event_id: string }>(
      'PUT',
      `/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(type)}/${txnId}`,
      content,
    )
  }

  redact(roomId: string, eventId: string) {
    const txnId = randomBytes(8).toString('hex')
    return this.call<{ event_id: string }>(
      'PUT',
      `/rooms/${encodeURIComponent(roomId)}/redact/${encodeURIComponent(eventId)}/${txnId}`,
      {},
    )
  }

  /** The room's events as the server gives them (content and all), oldest first. */
  async rawMessages(roomId: string, limit = 100): Promise<RawEvent[]> {
    const res = await this.call<{ chunk: RawEvent[] }>(
      'GET',
      `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=${limit}`,
    )
    return res.chunk.reverse()
  }

  /** Uploads media (`/_matrix/media/v3/upload`) and returns its `mxc://` URI. */
  async upload(data: Buffer, contentType: string, filename: string): Promise<string> {
    const res = await fetch(
      `${this.baseUrl}/_matrix/media/v3/upload?filename=${encodeURIComponent(filename)}`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.accessToken}`, 'Content-Type': contentType },
        body: new Uint8Array(data),
      },
    )
    const json = (await res.json()) as { content_uri: string }
    if (!res.ok) throw new Error(`upload: ${res.status} ${JSON.stringify(json)}`)
    return json.content_uri
  }

  /** Marks `eventId` read for this user (any device of theirs counts). */
  readUpTo(roomId: string, eventId: string) {
    return this.call(
      'POST',
      `/rooms/${encodeURIComponent(roomId)}/receipt/m.read/${encodeURIComponent(eventId)}`,
      {},
    )
  }

  /** My fully-read marker in the room (`m.fully_read` room account data), or null when there is none. */
  async fullyRead(roomId: string): Promise<string | null> {
    const path = `/user/${encodeURIComponent(this.userId)}/rooms/${encodeURIComponent(roomId)}/account_data/m.fully_read`
    const res = await fetch(`${this.baseUrl}/_matrix/client/v3${path}`, {
      headers: { Authorization: `Bearer ${this.accessToken}` },
    })
    if (res.status === 404) return null
    const json = (await res.json()) as { event_id?: string }
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(json)}`)
    return json.event_id ?? null
  }

  /** The event each member's latest public read receipt (`m.read`) is on, as this user's sync of the room shows it. */
  async readReceipts(roomId: string): Promise<Record<string, string>> {
    const filter = JSON.stringify({
      presence: { not_types: ['*'] },
      account_data: { not_types: ['*'] },
      room: {
        rooms: [roomId],
        timeline: { limit: 1 },
        state: { types: [] },
        account_data: { not_types: ['*'] },
        ephemeral: { types: ['m.receipt'] },
      },
    })
    const sync = await this.call<{
      rooms?: { join?: Record<string, { ephemeral?: { events?: { type: string; content: unknown }[] } }> }
    }>('GET', `/sync?filter=${encodeURIComponent(filter)}`)
    // A user may hold an unthreaded receipt and one per thread ("main" too): the latest one is where they are.
    const latest: Record<string, { eventId: string; ts: number }> = {}
    for (const e of sync.rooms?.join?.[roomId]?.ephemeral?.events ?? []) {
      if (e.type !== 'm.receipt') continue
      const content = e.content as Record<string, Record<string, Record<string, { ts?: number }>>>
      for (const [eventId, kinds] of Object.entries(content)) {
        for (const [user, receipt] of Object.entries(kinds['m.read'] ?? {})) {
          const ts = receipt.ts ?? 0
          if (!latest[user] || ts >= latest[user].ts) latest[user] = { eventId, ts }
        }
      }
    }
    return Object.fromEntries(Object.entries(latest).map(([user, r]) => [user, r.eventId]))
  }

  text(roomId: string, body: string) {
    return this.send(roomId, { msgtype: 'm.text', body })
  }

  /** The room's messages, oldest first (up to `limit`, newest end). */
  async messages(roomId: string, limit = 100): Promise<{ sender: string; body: string }[]> {
    const res = await this.call<{ chunk: { type: string; sender: string; content: { body?: string } }[] }>(
      'GET',
      `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=${limit}`,
    )
    return res.chunk
      .filter((e) => e.type === 'm.room.message')
      .map((e) => ({ sender: e.sender, body: e.content.body ?? '' }))
      .reverse()
  }
}

/** Registers a user through the shared-secret admin API (nonce, then HMAC-SHA1). */
export async function registerUser(baseUrl: string, secret: string, username: string, password: string) {
  const { nonce } = (await (await fetch(`${baseUrl}/_synapse/admin/v1/register`)).json()) as { nonce: string }
  const mac = createHmac('sha1', secret)
    .update([nonce, username, password, 'notadmin'].join('\u0000'))
    .digest('hex')
  const res = await fetch(`${baseUrl}/_synapse/admin/v1/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ nonce, username, password, admin: false, mac }),
  })
  if (!res.ok) throw new Error(`register ${username}: ${res.status} ${await res.text()}`)
}

/** Password login from Node (a separate device from the browser's). */
export async function login(baseUrl: string, username: string, password: string): Promise<MatrixApi> {
  const res = await fetch(`${baseUrl}/_matrix/client/v3/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user: username },
      password,
    }),
  })
  const json = (await res.json()) as { user_id: string; access_token: string; device_id: string }
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(json)}`)
  return new MatrixApi(baseUrl, json.user_id, json.access_token, json.device_id)
}

/** A fresh user, registered and logged in. */
export async function registerAndLogin(
  baseUrl: string,
  secret: string,
  username: string,
  password: string,
): Promise<MatrixApi> {
  await registerUser(baseUrl, secret, username, password)
  return login(baseUrl, username, password)
}
