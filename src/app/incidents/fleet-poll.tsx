import { useFleet } from '@/entities/node/api/get-fleet.ts'

/** Keeps the fleet polled on a view that does not show it (the Incidents view, deriving without a bot). */
export function FleetPoll() {
  useFleet()
  return null
}
