import type { Presence } from '../../../src/entities/incident/model/incident.ts'
import type { RoomEvent } from '../../../src/entities/incident/model/room-record.ts'

/** What the bot needs of one Matrix room, as a port: the HTTP adapter in production, a fake in unit tests. */
export interface MatrixRoomPort {
  /** The bot's own user id (its messages are the record). */
  whoami(): Promise<string>
  /** Joins (idempotent) and returns the room id the configured id or alias resolves to. */
  join(): Promise<string>
  /** Sends a room message; `txnId` makes a retry of the same send return the same event. */
  send(content: Record<string, unknown>, txnId: string): Promise<string>
  /** The room's latest events, oldest first, up to `limit`. */
  history(limit: number): Promise<RoomEvent[]>
  /** One long-poll of `/sync` for the room: new timeline and state events, and presence changes. */
  sync(since: string | null, timeoutMs: number, signal?: AbortSignal): Promise<SyncBatch>
  /** The room's joined members. */
  members(): Promise<string[]>
}

export interface SyncBatch {
  next: string
  timeline: RoomEvent[]
  state: RoomEvent[]
  presence: { userId: string; presence: Presence }[]
}
