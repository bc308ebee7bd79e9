import { useSyncExternalStore } from 'react'

/**
 * Whether the console server's push stream is delivering: `off` without one (plain polling), `open` while
 * connected, `lost` between a drop and the next connect. While `open`, registry polls slow to a safety net.
 */
export type FleetStreamState = 'off' | 'connecting' | 'open' | 'lost'

let state: FleetStreamState = 'off'
const listeners = new Set<() => void>()

export function fleetStreamState(): FleetStreamState {
  return state
}

/** Set by the stream's owner (`fleet-stream.ts`) only. */
export function fleetStreamStateChanged(next: FleetStreamState): void {
  if (next === state) return
  state = next
  for (const l of listeners) l()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The push stream's state; re-renders only when it changes. */
export function useFleetStreamState(): FleetStreamState {
  return useSyncExternalStore(subscribe, fleetStreamState)
}

/** With the stream open, the fleet is re-listed this often: it still catches what the stream does not carry. */
export const SAFETY_NET_POLL_MS = 60_000

/** A registry poll's period: the normal rhythm, or the safety net while the stream delivers. */
export function streamAwarePollMs(normalMs: number, stream: FleetStreamState): number {
  return stream === 'open' ? Math.max(normalMs, SAFETY_NET_POLL_MS) : normalMs
}
