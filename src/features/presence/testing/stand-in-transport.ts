import type { PresenceState } from '../model/presence-machine.ts'
import {
  PresenceWriteError,
  type PresenceTransport,
  type PresenceWriteFailure,
} from '../model/presence-transport.ts'

export interface RecordedWrite {
  state: PresenceState
  statusMsg: string | undefined
  keepAlive: boolean
  at: number
}

/**
 * A transport for tests: records every call in order (`sync:<state>`, `put:<state>`) and answers writes with
 * the failures queued in `failNext` (then success).
 */
export function createStandInTransport(statusMsg: string | undefined = 'in the lab') {
  const calls: string[] = []
  const writes: RecordedWrite[] = []
  const failNext: PresenceWriteFailure[] = []
  let currentStatus: string | undefined = statusMsg
  const transport: PresenceTransport = {
    setSyncPresence(state) {
      calls.push(`sync:${state}`)
    },
    write(state, msg, { keepAlive }) {
      calls.push(`put:${state}`)
      writes.push({ state, statusMsg: msg, keepAlive, at: Date.now() })
      const failure = failNext.shift()
      return failure ? Promise.reject(new PresenceWriteError(failure)) : Promise.resolve()
    },
    readStatusMessage: () => Promise.resolve(currentStatus),
    knownStatusMessage: () => currentStatus,
  }
  return {
    transport,
    calls,
    writes,
    failNext,
    setStatus: (msg: string | undefined) => {
      currentStatus = msg
    },
  }
}
