import { randomBytes } from 'node:crypto'
import { INCIDENT_KEY } from '../../../../src/entities/incident/model/incident-content.ts'
import {
  readIncidents,
  RoomEventSchema,
  type RoomEvent,
} from '../../../../src/entities/incident/model/room-record.ts'
import { registerAndLogin, type MatrixApi as MatrixUser } from '../../../../e2e/support/matrix-api.ts'

const suffix = () => randomBytes(4).toString('hex')

function user(baseUrl: string, secret: string, name: string): Promise<MatrixUser> {
  return registerAndLogin(baseUrl, secret, `${name}-${suffix()}`, `pw-${suffix()}`)
}

/** A fresh room for one test: alice creates it, bob and the bot join; helpers read it the way a test asserts. */
export async function freshRoom(baseUrl: string, secret = 'node-console-test-secret') {
  const [alice, bob, bot] = await Promise.all([
    user(baseUrl, secret, 'alice'),
    user(baseUrl, secret, 'bob'),
    user(baseUrl, secret, 'incident-bot'),
  ])
  const { room_id: roomId } = await alice.call<{ room_id: string }>('POST', '/createRoom', {
    preset: 'public_chat',
    name: 'Ops',
  })
  await bob.call('POST', `/join/${encodeURIComponent(roomId)}`, {})
  await bot.call('POST', `/join/${encodeURIComponent(roomId)}`, {})
  const events = async (): Promise<RoomEvent[]> => {
    const r = await alice.call<{ chunk: unknown[] }>(
      'GET',
      `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=500`,
    )
    return r.chunk.flatMap((e) => {
      const p = RoomEventSchema.safeParse(e)
      return p.success ? [p.data] : []
    })
  }
  return {
    roomId,
    alice,
    bob,
    bot,
    events,
    /** The bot's incident messages: originals only, never counting their edits. */
    async incidentMessages() {
      return (await events()).filter(
        (e) =>
          e.sender === bot.userId &&
          e.type === 'm.room.message' &&
          INCIDENT_KEY in e.content &&
          !('m.new_content' in e.content),
      )
    },
    /** Each incident at its latest edit. */
    async incidents() {
      return [...readIncidents(await events(), bot.userId).values()]
    },
    /** Replies in an incident's thread. */
    async thread(rootEventId: string) {
      return (await events()).filter((e) => {
        const rel = e.content['m.relates_to'] as { rel_type?: string; event_id?: string } | undefined
        return rel?.rel_type === 'm.thread' && rel.event_id === rootEventId
      })
    },
    botEnv: (extra: Record<string, string>) => ({
      BOT_HOMESERVER_URL: baseUrl,
      BOT_ACCESS_TOKEN: bot.accessToken,
      BOT_ROOM_ID: roomId,
      BOT_LANGUAGE: 'en',
      ...extra,
    }),
  }
}

/**
 * A user's open tab, as far as presence goes: long-polls `/sync` with `set_presence=online` until stopped
 * (a device that stops syncing goes offline by itself). `close()` is the tab closing: the loop ends and
 * the PUT of `offline` the console sends on `pagehide`.
 */
export function openTab(api: MatrixUser) {
  const stop = new AbortController()
  const loop = (async () => {
    let since: string | null = null
    while (!stop.signal.aborted) {
      const q = new URLSearchParams({ timeout: '5000', set_presence: 'online' })
      if (since !== null) q.set('since', since)
      try {
        const res = await fetch(`${api.baseUrl}/_matrix/client/v3/sync?${q.toString()}`, {
          headers: { Authorization: `Bearer ${api.accessToken}` },
          signal: stop.signal,
        })
        since = ((await res.json()) as { next_batch?: string }).next_batch ?? since
      } catch {
        // Aborted: the tab is closing.
      }
    }
  })()
  return {
    close: async () => {
      stop.abort()
      await loop
      await api.call('PUT', `/presence/${encodeURIComponent(api.userId)}/status`, { presence: 'offline' })
    },
  }
}

/** Reacts to `eventId` with `key`, as Element or the console's "I'm on it" does. */
export function react(api: MatrixUser, roomId: string, eventId: string, key: string) {
  return api.call('PUT', `/rooms/${encodeURIComponent(roomId)}/send/m.reaction/${suffix()}`, {
    'm.relates_to': { rel_type: 'm.annotation', event_id: eventId, key },
  })
}

/** Sets a room state event (maintenance), as the console's "Maintenance…" does. */
export function setState(api: MatrixUser, roomId: string, type: string, stateKey: string, content: unknown) {
  return api.call(
    'PUT',
    `/rooms/${encodeURIComponent(roomId)}/state/${encodeURIComponent(type)}/${encodeURIComponent(stateKey)}`,
    content,
  )
}
