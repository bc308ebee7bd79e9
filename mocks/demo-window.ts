/**
 * What demo mode puts on `window`, so e2e can steer the simulated fleet (faults, nodes, silences) through
 * `page.evaluate(() => window.__nodeConsoleDemo?.sim?.setFault('down'))`. Types only; shared by the app's
 * demo boot and the e2e project (tsconfig.node.json includes this file).
 */
import type { FleetSimulator } from './registry/fleet-simulator-api.ts'

export interface NodeConsoleDemo {
  /** The registry simulator; absent when a real registry is configured. */
  sim?: FleetSimulator
  /** Other demo parts (the simulated homeserver) add their handles here. */
  [part: string]: unknown
}

declare global {
  interface Window {
    __nodeConsoleDemo?: NodeConsoleDemo
  }
}
