import type { FleetObservation } from '../../../src/entities/incident/model/incident.ts'
import { fleetObservation } from '../../../src/entities/incident/model/fleet-observation.ts'
import { NodeSchema, NodesPageSchema, type RegistryNode } from '../../../src/entities/node/model/schemas.ts'

/** The registry as the bot reads it, as a port: one poll of the whole fleet, or why it could not be read. */
export interface RegistryReader {
  readFleet(now: number): Promise<FleetObservation>
}

const PAGE = 1000
const MAX_PAGES = 100

/**
 * Reads the fleet over the registry's HTTP API, the way the console does: pages until a short page (the list
 * has no order and no real total), one record per node id, the newest heartbeat winning. A node the schema
 * cannot read is skipped; a failed request, a 5xx or an unreadable page is the registry unreachable.
 */
export function createHttpRegistryReader(opts: {
  baseUrl: string
  authorization: string | null
  timeoutMs: number
}): RegistryReader {
  const page = async (offset: number) => {
    const res = await fetch(`${opts.baseUrl}/api/v1/nodes?limit=${PAGE}&offset=${offset}`, {
      headers: opts.authorization === null ? {} : { Authorization: opts.authorization },
      signal: AbortSignal.timeout(opts.timeoutMs),
    })
    if (!res.ok) throw new Error(`the registry answered ${res.status}`)
    const parsed = NodesPageSchema.safeParse(await res.json())
    if (!parsed.success) throw new Error('the registry sent a node list in an unexpected shape')
    return parsed.data.nodes
  }
  return {
    async readFleet(now) {
      const byId = new Map<string, RegistryNode>()
      try {
        for (let p = 0; p < MAX_PAGES; p++) {
          const raw = await page(p * PAGE)
          const before = byId.size
          for (const r of raw) {
            const n = NodeSchema.safeParse(r)
            if (!n.success) continue
            const seen = byId.get(n.data.node_id)
            if (!seen || (n.data.last_heartbeat ?? -Infinity) > (seen.last_heartbeat ?? -Infinity)) {
              byId.set(n.data.node_id, n.data)
            }
          }
          if (raw.length < PAGE || byId.size === before) break
        }
      } catch (e) {
        return { kind: 'registry-down', at: now, reason: reasonOf(e) }
      }
      return fleetObservation([...byId.values()], now)
    },
  }
}

function reasonOf(e: unknown): string {
  if (e instanceof Error) {
    const cause = e.cause instanceof Error ? `: ${e.cause.message}` : ''
    return e.name === 'TimeoutError' ? 'the registry did not answer in time' : `${e.message}${cause}`
  }
  return String(e)
}
