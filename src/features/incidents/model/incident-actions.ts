/**
 * The port between the incident views and the room: the Matrix adapter (`use-incident-actions.ts`) in the
 * app, a double in tests. Every call resolves when the homeserver accepted it, and rejects with its error.
 */
export interface IncidentActions {
  /** The signed-in user's id. */
  me: string
  /** 👀 on the incident's message: "I'm on it". */
  acknowledge: (eventId: string) => Promise<void>
  /** Redacts my 👀 reaction. */
  withdraw: (reactionId: string) => Promise<void>
  /** Why the user may not set maintenance (`power`: the room's power levels), or null when they may. */
  maintenanceBlocked: 'power' | null
  setMaintenance: (nodeId: string, until: number, reason: string) => Promise<void>
  endMaintenance: (nodeId: string) => Promise<void>
}
