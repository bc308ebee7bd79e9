import { http, HttpResponse, type HttpResponseResolver } from 'msw'
import { DEMO_HOMESERVER_PATH, DEMO_SERVER_NAME } from '@/lib/matrix/demo-homeserver.ts'
import type { HomeserverSim } from './homeserver-sim.ts'
import { SimError } from './sim-error.ts'

/** Every demo-homeserver URL, on any origin (the page's in the browser, jsdom's in Vitest). */
const C = `*${DEMO_HOMESERVER_PATH}/_matrix/client`

type Json = Record<string, unknown>

const param = (v: string | readonly string[] | undefined) =>
  decodeURIComponent(typeof v === 'string' ? v : (v?.[0] ?? ''))

async function body(request: Request): Promise<Json> {
  try {
    const b: unknown = await request.json()
    return typeof b === 'object' && b !== null ? (b as Json) : {}
  } catch {
    return {}
  }
}

/** Turns simulator errors into Matrix error bodies (`{errcode, error}` with the HTTP status). */
function guard(fn: HttpResponseResolver): HttpResponseResolver {
  return async (info) => {
    try {
      return await fn(info)
    } catch (e) {
      if (e instanceof SimError) {
        return HttpResponse.json({ errcode: e.errcode, error: e.message, ...e.extra }, { status: e.status })
      }
      throw e
    }
  }
}

/**
 * MSW handlers serving `sim` as a Matrix homeserver under `/demo-matrix`. The one handler set for the demo
 * (browser worker), the component tests (`setupServer`) and any e2e run in demo mode.
 */
export function createMatrixHandlers(sim: HomeserverSim) {
  return [
    http.get(`*${DEMO_HOMESERVER_PATH}/_matrix/client/versions`, () =>
      HttpResponse.json({
        versions: ['v1.1', 'v1.2', 'v1.3', 'v1.4', 'v1.5', 'v1.6', 'v1.7', 'v1.8', 'v1.9', 'v1.10', 'v1.11'],
        unstable_features: {},
      }),
    ),
    http.get(`${C}/v3/login`, () => HttpResponse.json({ flows: [{ type: 'm.login.password' }] })),
    http.post(
      `${C}/v3/login`,
      guard(async ({ request }) => {
        const b = await body(request)
        const identifier = (b.identifier ?? {}) as Json
        const user =
          typeof identifier.user === 'string' ? identifier.user : typeof b.user === 'string' ? b.user : ''
        const localpart = user.replace(/^@/, '').split(':')[0] ?? ''
        const deviceId = typeof b.device_id === 'string' ? b.device_id : undefined
        return HttpResponse.json(
          sim.login(localpart, typeof b.password === 'string' ? b.password : '', deviceId),
        )
      }),
    ),
    http.get(
      `${C}/v3/account/whoami`,
      guard(({ request }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        return HttpResponse.json({ user_id: who.userId, device_id: who.deviceId })
      }),
    ),
    http.post(
      `${C}/v3/logout`,
      guard(({ request }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        sim.revoke(who.token)
        return HttpResponse.json({})
      }),
    ),
    http.get(
      `${C}/v3/sync`,
      guard(async ({ request }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        const url = new URL(request.url)
        const sinceRaw = url.searchParams.get('since')
        const since = sinceRaw && /^s\d+$/.test(sinceRaw) ? Number(sinceRaw.slice(1)) : null
        const timeout = Math.min(Number(url.searchParams.get('timeout') ?? 0) || 0, 30_000)
        const setPresence = url.searchParams.get('set_presence')
        if (since !== null) await sim.waitForChange(since, timeout, request.signal)
        // Re-check the token after the wait: a revoked token must end the long-poll with 401.
        sim.auth(request.headers.get('Authorization'))
        return HttpResponse.json(sim.sync(who.userId, who.token, since, 30, setPresence))
      }),
    ),
    http.put(
      `${C}/v3/rooms/:roomId/send/:type/:txnId`,
      guard(async ({ request, params }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        const res = sim.send(
          who.userId,
          who.token,
          param(params.type),
          await body(request),
          param(params.txnId),
        )
        return HttpResponse.json(res)
      }),
    ),
    http.put(
      `${C}/v3/rooms/:roomId/redact/:eventId/:txnId`,
      guard(({ request, params }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        return HttpResponse.json(sim.redact(who.userId, param(params.eventId)))
      }),
    ),
    http.put(
      `${C}/v3/rooms/:roomId/typing/:userId`,
      guard(async ({ request }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        const b = await body(request)
        const typing = b.typing === true
        sim.requests.typing.push({ userId: who.userId, typing })
        sim.setTyping(who.userId, typing, typeof b.timeout === 'number' ? b.timeout : 30_000)
        return HttpResponse.json({})
      }),
    ),
    http.post(
      `${C}/v3/rooms/:roomId/receipt/:receiptType/:eventId`,
      guard(({ request, params }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        sim.receipt(who.userId, param(params.eventId))
        return HttpResponse.json({})
      }),
    ),
    http.post(
      `${C}/v3/rooms/:roomId/read_markers`,
      guard(async ({ request }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        const b = await body(request)
        const read = b['m.read'] ?? b['m.fully_read']
        if (typeof read === 'string') sim.receipt(who.userId, read)
        return HttpResponse.json({})
      }),
    ),
    http.get(
      `${C}/v3/rooms/:roomId/messages`,
      guard(({ request }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        const url = new URL(request.url)
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 10) || 10, 100)
        return HttpResponse.json(sim.messages(url.searchParams.get('from'), limit, who.token))
      }),
    ),
    http.get(
      `${C}/v3/rooms/:roomId/members`,
      guard(({ request }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        return HttpResponse.json({ chunk: sim.memberEvents().map((e) => sim.wire(e, who.token)) })
      }),
    ),
    http.get(
      `${C}/v3/rooms/:roomId/state`,
      guard(({ request }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        return HttpResponse.json(sim.stateEvents().map((e) => sim.wire(e, who.token)))
      }),
    ),
    http.post(
      `${C}/v3/join/:room`,
      guard(({ request, params }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        const room = param(params.room)
        if (room !== sim.roomId && room !== sim.alias) throw new SimError(404, 'M_NOT_FOUND', 'No such room')
        return HttpResponse.json(sim.join(who.userId))
      }),
    ),
    http.get(
      `${C}/v3/directory/room/:alias`,
      guard(({ params }) => {
        if (param(params.alias) !== sim.alias) throw new SimError(404, 'M_NOT_FOUND', 'Room alias not found')
        return HttpResponse.json({ room_id: sim.roomId, servers: [DEMO_SERVER_NAME] })
      }),
    ),
    http.get(
      `${C}/v3/presence/:userId/status`,
      guard(({ request, params }) => {
        sim.auth(request.headers.get('Authorization'))
        return HttpResponse.json(sim.getPresence(param(params.userId)))
      }),
    ),
    http.put(
      `${C}/v3/presence/:userId/status`,
      guard(async ({ request, params }) => {
        const who = sim.auth(request.headers.get('Authorization'))
        if (param(params.userId) !== who.userId) throw new SimError(403, 'M_FORBIDDEN', 'Not your presence')
        const b = await body(request)
        const p = b.presence === 'unavailable' || b.presence === 'offline' ? b.presence : 'online'
        sim.setPresence(who.userId, p, typeof b.status_msg === 'string' ? b.status_msg : undefined)
        return HttpResponse.json({})
      }),
    ),
    http.get(
      `${C}/v3/profile/:userId`,
      guard(({ params }) => {
        const id = param(params.userId)
        return HttpResponse.json({ displayname: sim.displaynames.get(id) ?? id.slice(1).split(':')[0] })
      }),
    ),
    http.post(`${C}/v3/user/:userId/filter`, () => HttpResponse.json({ filter_id: '1' })),
    http.get(`${C}/v3/user/:userId/filter/:filterId`, () => HttpResponse.json({})),
    http.get(`${C}/v3/pushrules/`, () =>
      HttpResponse.json({ global: { override: [], content: [], room: [], sender: [], underride: [] } }),
    ),
    http.get(`${C}/v3/capabilities`, () => HttpResponse.json({ capabilities: {} })),
    http.get(`${C}/v3/voip/turnServer`, () => HttpResponse.json({})),
    http.get(`${C}/v3/user/:userId/account_data/:type`, () =>
      HttpResponse.json({ errcode: 'M_NOT_FOUND', error: 'Account data not found' }, { status: 404 }),
    ),
    http.put(`${C}/v3/user/:userId/account_data/:type`, () => HttpResponse.json({})),
    // Anything else the SDK may probe (unstable MSCs, media config): a clean "unrecognised", never a hang.
    http.all(`*${DEMO_HOMESERVER_PATH}/*`, () =>
      HttpResponse.json(
        { errcode: 'M_UNRECOGNIZED', error: 'Not implemented by the demo homeserver' },
        { status: 404 },
      ),
    ),
  ]
}
