import type { Clock } from '../model/clock.ts'
import { createManualClock } from './manual-clock.ts'
import { createMemoryChannelHub } from './memory-channel.ts'
import { createPresenceController } from '../model/presence-controller.ts'
import type { PresenceState } from '../model/presence-machine.ts'
import { PresenceWriteError, type PresenceTransport } from '../model/presence-transport.ts'

/**
 * One simulated hour of the real presence model (machine + arbiter + writer) against a fake homeserver that
 * enforces Synapse's `rc_presence` (1 PUT per 10 s per user, then 429 with `retry_after_ms`); the benchmark
 * reports its write counts.
 *
 * - `active`: one visible tab, the user moves the pointer every 20 s for the whole hour;
 * - `idle`: one visible tab, no input at all after the page loads;
 * - `tabswitch`: the user switches between the console and another browser tab every minute (the console
 *   is hidden one minute, visible and used the next).
 */
export type PresenceScenario = 'active' | 'idle' | 'tabswitch'

export interface PresenceHourResult {
  /** Presence PUTs that reached the server. */
  writes: number
  /** Of those, refused with 429. */
  rateLimited: number
}

const HOUR_MS = 3_600_000

/** The user's inputs over the hour, in time order (`t` from the start). */
function scenarioInputs(scenario: PresenceScenario) {
  const inputs: { t: number; type: 'activity' | 'hidden' | 'visible' }[] = []
  for (let t = 20_000; t < HOUR_MS; t += 20_000) {
    const minute = Math.floor(t / 60_000)
    if (scenario === 'active') inputs.push({ t, type: 'activity' })
    if (scenario === 'tabswitch') {
      if (t % 60_000 === 0) inputs.push({ t, type: minute % 2 === 1 ? 'hidden' : 'visible' })
      else if (minute % 2 === 0) inputs.push({ t, type: 'activity' })
    }
  }
  return inputs
}

/** A homeserver's presence endpoint with Synapse's default `rc_presence` (per_second 0.1, burst_count 1). */
export function createRateLimitedServer(clock: Clock, perSecond = 0.1, burst = 1, latencyMs = 60) {
  let level = 0
  let levelAt = clock.now()
  let state: PresenceState = 'online'
  const counts = { writes: 0, rateLimited: 0 }
  const transport: PresenceTransport = {
    setSyncPresence() {
      // Syncs are not simulated: the presence they carry is checked by the unit tests.
    },
    write(next) {
      counts.writes += 1
      const now = clock.now()
      level = Math.max(0, level - ((now - levelAt) / 1000) * perSecond)
      levelAt = now
      const allowed = level + 1 <= burst
      if (allowed) {
        level += 1
        state = next
      } else {
        counts.rateLimited += 1
      }
      const retryAfterMs = Math.ceil(((level + 1 - burst) / perSecond) * 1000)
      return new Promise<void>((resolve, reject) => {
        clock.after(latencyMs, () => {
          if (allowed) resolve()
          else reject(new PresenceWriteError({ kind: 'rate-limited', retryAfterMs }))
        })
      })
    },
    readStatusMessage: () => Promise.resolve('on call'),
    knownStatusMessage: () => 'on call',
  }
  return { transport, counts, state: () => state }
}

/** Runs one simulated hour of a scenario and counts the presence writes. */
export async function simulatePresenceHour(
  scenario: PresenceScenario,
  idleMinutes = 5,
): Promise<PresenceHourResult> {
  const clock = createManualClock(Date.UTC(2026, 0, 1))
  const server = createRateLimitedServer(clock)
  const hub = createMemoryChannelHub(clock)
  const tab = createPresenceController({
    clock,
    transport: server.transport,
    channel: hub.open(),
    idleMs: idleMinutes * 60_000,
    visible: true,
  })

  const start = clock.now()
  for (const step of scenarioInputs(scenario)) {
    await clock.advance(start + step.t - clock.now())
    tab.input({ type: step.type, at: clock.now() })
  }
  await clock.advance(start + HOUR_MS - clock.now())
  tab.dispose()
  return { ...server.counts }
}
