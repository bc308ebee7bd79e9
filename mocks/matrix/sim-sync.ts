import type { RoomLog } from './sim-room-log.ts'
import type { RoomSignals } from './sim-signals.ts'

/** The room's membership events, one per member (the latest). */
export const memberEvents = (log: RoomLog) => log.stateEvents().filter((e) => e.type === 'm.room.member')

/**
 * A `/sync` answer for `user` since stream position `since` (null: initial sync): the room's new events,
 * its state when the timeline is limited (or the user just joined), typing and receipts, and presence.
 */
export function syncAnswer(
  log: RoomLog,
  signals: RoomSignals,
  user: string,
  token: string,
  since: number | null,
  limit: number,
) {
  const joinEv = log.stateEvent('m.room.member', user)
  const rooms: Record<string, unknown> = {}
  if (joinEv?.content.membership === 'join') {
    const freshJoin = since !== null && joinEv.stream > since
    const newEvents = log.events.filter((e) => since === null || freshJoin || e.stream > since)
    const limited = newEvents.length > limit || since === null || freshJoin
    const timeline = newEvents.slice(-limit)
    const first = timeline[0]
    const firstIndex = first ? log.events.indexOf(first) : log.events.length
    rooms[log.roomId] = {
      timeline: {
        events: timeline.map((e) => log.wire(e, token)),
        limited,
        prev_batch: `t${firstIndex}`,
      },
      state: {
        events:
          since === null || freshJoin || limited
            ? log
                .stateEvents()
                .filter((s) => !timeline.includes(s))
                .map((e) => log.wire(e, token))
            : [],
      },
      ephemeral: { events: signals.ephemeral(since) },
      account_data: { events: [] },
      unread_notifications: { notification_count: 0, highlight_count: 0 },
      summary: {
        'm.joined_member_count': memberEvents(log).filter((e) => e.content.membership === 'join').length,
      },
    }
  }
  return {
    next_batch: `s${log.position}`,
    rooms: { join: rooms, invite: {}, leave: {} },
    presence: { events: signals.presenceEvents(since) },
    account_data: { events: [] },
    to_device: { events: [] },
    device_lists: { changed: [], left: [] },
    device_one_time_keys_count: {},
  }
}

/** A `/messages` answer backwards from a `t<index>` token. */
export function messagesAnswer(log: RoomLog, from: string | null, limit: number, token: string) {
  const start = from && /^t\d+$/.test(from) ? Number(from.slice(1)) : log.events.length
  const lo = Math.max(0, start - limit)
  const chunk = log.events.slice(lo, start).reverse()
  return {
    chunk: chunk.map((e) => log.wire(e, token)),
    start: `t${start}`,
    ...(lo > 0 ? { end: `t${lo}` } : {}),
  }
}
