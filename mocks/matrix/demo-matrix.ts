import type { AnyHandler } from 'msw'
import { HomeserverSim } from './homeserver-sim.ts'
import { createMatrixHandlers } from './matrix-handlers.ts'
import { startTeammates } from './teammates.ts'

declare global {
  interface Window {
    /** The demo homeserver, for e2e in demo mode and curious operators (`__nodeConsoleMatrix.post(...)`). */
    __nodeConsoleMatrix?: HomeserverSim
  }
}

/**
 * The simulated homeserver of demo mode: seeded history, two teammates who post and type now and then,
 * and the MSW handlers to add to the demo worker.
 */
export function demoMatrixHandlers(seed = 7): AnyHandler[] {
  const sim = new HomeserverSim({ seed })
  startTeammates(sim, { seed })
  window.__nodeConsoleMatrix = sim
  return createMatrixHandlers(sim)
}
