import { randomBytes } from 'node:crypto'
import { INCIDENT_KEY } from '../../../src/entities/incident/model/incident-content.ts'
import {
  readIncidents,
  RoomEventSchema,
  type RoomEvent,
} from '../../../src/entities/incident/model/room-record.ts'
import { login, registerUser, type MatrixApi } from '../../../e2e/support/matrix-api.ts'

const suffix = () => randomBytes(4).toString('hex')

async function user(baseUrl: string, secret: string, name: string): Promise<MatrixApi> {
  const username = `${name}-${suffix()}`
  const password = `pw-${suffix()}`
  await registerUser(baseUrl, secret, username, password)
  return login(baseUrl, username, password)
}

/** A fresh room for one test: alice creates it, bob and the bot join; helpers read it the way a test asserts. */
export async function freshRoom(baseUrl: string, secret = 'node-console-test-secret') {
  const [alice, bob, bot] = await Promise.all([
    user(baseUrl, secret, 'alice'),
    user(baseUrl, secret, 'bob'),
    user(baseUrl, secret, 'incident-bot'),
  ])
  const { room_id: roomId } = await alice.createRoom('Ops', `ops-${suffix()}`)
  await bob.join(roomId)
  await bot.join(roomId)
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
