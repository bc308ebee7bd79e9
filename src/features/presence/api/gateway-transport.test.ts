import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createStandInClient } from '../testing/stand-in-client.ts'
import { createGatewayTransport } from './gateway-transport.ts'

const GATEWAY = 'http://gateway.test'
const ENDPOINT = `${GATEWAY}/internal/matrix/presence/online`
const server = setupServer()
beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' })
})
afterEach(() => {
  server.resetHandlers()
})
afterAll(() => {
  server.close()
})

const wrapped = (matrix_status: number, matrix_body: unknown) =>
  HttpResponse.json(
    { detail: { message: 'Matrix presence update failed', matrix_status, matrix_body } },
    { status: 500 },
  )

describe('gateway transport', () => {
  it('posts the user, token, state and status message, and still sets the sync presence', async () => {
    const received: unknown[] = []
    server.use(
      http.post(ENDPOINT, async ({ request }) => {
        received.push(await request.json())
        return HttpResponse.json({ ok: true, matrix_user_id: '@alice:test', status: 'unavailable' })
      }),
    )
    const { client, calls } = createStandInClient()
    const t = createGatewayTransport(client, `${GATEWAY}/`)
    t.setSyncPresence('unavailable')
    await t.write('unavailable', 'lunch', { keepAlive: false })
    await t.write('offline', undefined, { keepAlive: true })
    expect(calls).toEqual(['setSyncPresence:unavailable'])
    expect(received).toEqual([
      {
        matrix_user_id: '@alice:test',
        access_token: 'token-alice',
        status: 'unavailable',
        status_msg: 'lunch',
      },
      { matrix_user_id: '@alice:test', access_token: 'token-alice', status: 'offline' },
    ])
  })

  it('reads a 429 wrapped in a 500, with retry_after_ms as JSON or as text', async () => {
    const { client } = createStandInClient()
    const t = createGatewayTransport(client, GATEWAY)
    server.use(
      http.post(ENDPOINT, () => wrapped(429, { errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 8_200 }), {
        once: true,
      }),
      http.post(ENDPOINT, () => wrapped(429, '{"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":4100}'), {
        once: true,
      }),
    )
    await expect(t.write('online', undefined, { keepAlive: false })).rejects.toMatchObject({
      failure: { kind: 'rate-limited', retryAfterMs: 8_200 },
    })
    await expect(t.write('online', undefined, { keepAlive: false })).rejects.toMatchObject({
      failure: { kind: 'rate-limited', retryAfterMs: 4_100 },
    })
  })

  it('reads a 401 wrapped in a 500 as a refused token', async () => {
    server.use(http.post(ENDPOINT, () => wrapped(401, { errcode: 'M_UNKNOWN_TOKEN' })))
    const { client } = createStandInClient()
    await expect(
      createGatewayTransport(client, GATEWAY).write('online', undefined, { keepAlive: false }),
    ).rejects.toMatchObject({ failure: { kind: 'unauthorized' } })
  })

  it('retries later on 503, on an unexpected 500 and when the gateway is unreachable', async () => {
    const { client } = createStandInClient()
    const t = createGatewayTransport(client, GATEWAY)
    server.use(
      http.post(ENDPOINT, () => HttpResponse.json({ detail: 'Matrix unavailable' }, { status: 503 }), {
        once: true,
      }),
      http.post(ENDPOINT, () => new HttpResponse('Internal Server Error', { status: 500 }), { once: true }),
      http.post(ENDPOINT, () => HttpResponse.error()),
    )
    for (let i = 0; i < 3; i++)
      await expect(t.write('online', undefined, { keepAlive: false })).rejects.toMatchObject({
        failure: { kind: 'transient' },
      })
  })
})
