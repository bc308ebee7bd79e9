import { mulberry32 } from '../registry/prng.ts'
import { userId, type HomeserverSim } from './homeserver-sim.ts'
import { TEAMMATES } from './sim-seed.ts'

const CHATTER = [
  'Перевірила kyiv-07 — все зелене',
  'Дивлюсь на графік heartbeat, трохи шумить',
  'Хтось бачив алерт по odesa-11?',
  'Запускаю оновлення агента на стенді',
  'Готово, можна перевіряти',
  'Маю 10 хвилин на каву, повернусь',
  'Looks good from here',
]

/**
 * Drives the two simulated teammates by the clock: now and then one of them types for a few seconds and
 * posts; their presence drifts between online and away. Returns a stop function. Demo only; component
 * tests drive the simulator directly.
 */
export function startTeammates(sim: HomeserverSim, opts: { seed?: number; meanGapMs?: number } = {}) {
  const rnd = mulberry32(opts.seed ?? 11)
  const mean = opts.meanGapMs ?? 45_000
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const schedule = (ms: number, fn: () => void) => {
    timer = setTimeout(() => {
      if (!stopped) fn()
    }, ms)
  }

  const act = () => {
    const mate = TEAMMATES[rnd() < 0.5 ? 0 : 1]
    const id = userId(mate.localpart)
    if (rnd() < 0.2) {
      sim.setPresence(id, rnd() < 0.5 ? 'unavailable' : 'online')
      schedule(mean * (0.5 + rnd()), act)
      return
    }
    sim.setTyping(id, true, 10_000)
    schedule(2000 + rnd() * 3000, () => {
      sim.post(mate.localpart, CHATTER[Math.floor(rnd() * CHATTER.length)] ?? 'ok')
      schedule(mean * (0.5 + rnd()), act)
    })
  }
  schedule(4000, act)
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
