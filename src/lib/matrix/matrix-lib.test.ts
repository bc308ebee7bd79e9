import { beforeEach, describe, expect, it } from 'vitest'
import { connectionFromSync } from './connection-state.ts'
import { sendRetryDelayMs } from './send-retry.ts'
import { clearStoredSession, loadStoredSession, rememberedDeviceId, storeSession } from './matrix-session.ts'

const session = { homeserverUrl: 'https://hs', userId: '@alice:hs', accessToken: 't', deviceId: 'DEV1' }

describe('session storage', () => {
  beforeEach(() => {
    localStorage.clear()
    sessionStorage.clear()
  })
  it('keeps the session per tab unless remembered', () => {
    storeSession(session, false)
    expect(loadStoredSession()).toEqual({ session, remembered: false })
    expect(localStorage.getItem('node-console.matrix.session')).toBeNull()
    storeSession(session, true)
    sessionStorage.clear()
    expect(loadStoredSession()).toEqual({ session, remembered: true })
  })
  it('forgets the token on logout but remembers the device for the next login', () => {
    storeSession(session, true)
    clearStoredSession()
    expect(loadStoredSession()).toBeNull()
    expect(rememberedDeviceId('https://hs', 'alice')).toBe('DEV1')
    expect(rememberedDeviceId('https://hs', '@alice:other')).toBe('DEV1')
  })
})

describe('sendRetryDelayMs', () => {
  it('keeps retrying while offline, capped', () => {
    const offline = { name: 'ConnectionError' }
    expect(sendRetryDelayMs(offline, 1)).toBe(1000)
    expect(sendRetryDelayMs(offline, 50)).toBe(4000)
  })
  it('waits as asked on 429 and gives up on other server errors', () => {
    expect(sendRetryDelayMs({ httpStatus: 429, data: { retry_after_ms: 1500 } }, 1)).toBe(1500)
    expect(sendRetryDelayMs({ httpStatus: 500 }, 1)).toBe(-1)
    expect(sendRetryDelayMs({ httpStatus: 403 }, 1)).toBe(-1)
  })
})

describe('connectionFromSync', () => {
  it('maps sync states to what the user sees', () => {
    expect(connectionFromSync('SYNCING', 0)).toEqual({ kind: 'live' })
    expect(connectionFromSync(null, 0)).toEqual({ kind: 'connecting' })
    // The saved sync shows the room before the server answers: not live yet.
    expect(connectionFromSync('PREPARED', 0, null, true)).toEqual({ kind: 'connecting' })
    expect(connectionFromSync('PREPARED', 0, null, false)).toEqual({ kind: 'live' })
    expect(connectionFromSync('RECONNECTING', 1000)).toEqual({ kind: 'reconnecting', nextRetryAt: 8000 })
    expect(connectionFromSync('ERROR', 0, { message: 'down' })).toEqual({
      kind: 'error',
      message: 'down',
      nextRetryAt: 10_000,
    })
  })
})
