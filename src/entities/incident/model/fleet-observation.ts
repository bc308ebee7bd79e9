import { spokeMap } from '../../node/model/hub-services.ts'
import type { RegistryNode } from '../../node/model/schemas.ts'
import type { FleetObservation } from './incident.ts'

/**
 * One poll of the fleet as the incident model reads it: each node's last heartbeat and the hubs it reaches
 * the fleet through. Shared by the bot (over HTTP) and the console (from its fleet query) without a bot.
 */
export function fleetObservation(rows: readonly RegistryNode[], at: number): FleetObservation {
  const hubs = spokeMap(rows)
  return {
    kind: 'fleet',
    at,
    nodes: rows.map((n) => ({
      id: n.node_id,
      lastHeartbeat: n.last_heartbeat,
      hubs: hubs.get(n.node_id) ?? [],
    })),
  }
}
