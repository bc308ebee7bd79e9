import { parseRegistryTime } from '@/entities/node/model/schemas.ts'
import type { RawNode } from '../factories.ts'
import type { FleetSimulator } from '../fleet-simulator-api.ts'
import { createFleetSimulator } from '../fleet-simulator.ts'

export const T0 = Date.UTC(2026, 10, 29, 9, 0, 0)

/** A simulator on a clock the test moves. */
export function clocked(opts: { seed?: number; nodes?: number } = {}) {
  let now = T0
  const sim = createFleetSimulator({ ...opts, now: () => now })
  return {
    sim,
    at: (t: number) => {
      now = t
    },
  }
}

export const lastBeat = (sim: FleetSimulator, id: string) =>
  parseRegistryTime(sim.getNode(id)?.last_heartbeat)
export const all = (sim: FleetSimulator) => sim.listNodes({ limit: 1000, offset: 0 })
export const byId = (nodes: RawNode[]) => new Map(nodes.map((n) => [n.node_id, n]))
