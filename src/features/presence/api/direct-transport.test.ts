import { describe, expect, it } from 'vitest'
import { createStandInClient } from '../testing/stand-in-client.ts'
import { createDirectTransport } from './direct-transport.ts'

/** The SDK's MatrixError, by shape. */
const matrixError = (httpStatus: number, data: Record<string, unknown> = {}) =>
  Object.assign(new Error('M_ERROR'), { httpStatus, data, errcode: data.errcode })

describe('direct transport', () => {
  it('sets the sync presence on the client', () => {
    const { client, calls } = createStandInClient()
    createDirectTransport(client).setSyncPresence('unavailable')
    expect(calls).toEqual(['setSyncPresence:unavailable'])
  })

  it('PUTs with setPresence, and offline with a keepalive request carrying the token', async () => {
    const { client, calls, bodies } = createStandInClient()
    const t = createDirectTransport(client)
    await t.write('unavailable', 'lunch', { keepAlive: false })
    await t.write('offline', undefined, { keepAlive: true })
    expect(calls).toEqual([
      'setPresence:unavailable',
      'authedRequest:PUT /presence/%40alice%3Atest/status keepAlive=true',
    ])
    expect(bodies).toEqual([{ presence: 'unavailable', status_msg: 'lunch' }, { presence: 'offline' }])
  })

  it('understands 429 with retry_after_ms, and 401 as a refused token', async () => {
    const limited = createStandInClient({
      failWith: matrixError(429, { errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 7_300 }),
    })
    await expect(
      createDirectTransport(limited.client).write('online', undefined, { keepAlive: false }),
    ).rejects.toMatchObject({
      failure: { kind: 'rate-limited', retryAfterMs: 7_300 },
    })
    const refused = createStandInClient({ failWith: matrixError(401, { errcode: 'M_UNKNOWN_TOKEN' }) })
    await expect(
      createDirectTransport(refused.client).write('online', undefined, { keepAlive: true }),
    ).rejects.toMatchObject({
      failure: { kind: 'unauthorized' },
    })
    const down = createStandInClient({ failWith: new TypeError('Failed to fetch') })
    await expect(
      createDirectTransport(down.client).write('online', undefined, { keepAlive: false }),
    ).rejects.toMatchObject({
      failure: { kind: 'transient' },
    })
  })

  it('reads the status message from the sync, or asks the server once', async () => {
    const synced = createStandInClient({ synced: { statusMsg: 'on call' }, serverStatusMsg: 'stale' })
    const a = createDirectTransport(synced.client)
    expect(await a.readStatusMessage()).toBe('on call')
    expect(synced.calls).toEqual([])

    const fresh = createStandInClient({ synced: null, serverStatusMsg: 'in the lab' })
    const b = createDirectTransport(fresh.client)
    expect(b.knownStatusMessage()).toBeUndefined()
    expect(await b.readStatusMessage()).toBe('in the lab')
    expect(await b.readStatusMessage()).toBe('in the lab')
    expect(b.knownStatusMessage()).toBe('in the lab')
    expect(fresh.calls).toEqual(['getPresence:@alice:test'])
  })
})
