import type { MatrixClient, MatrixEvent, Room } from 'matrix-js-sdk'
import { reactionChips, replyTargetId, textOf, type ReactionChip } from '../model/relations.ts'

/**
 * What other events say about this one, read from the SDK's relation aggregation: reaction chips, the
 * event it replies to, its edits, its thread. Read at render: the timeline re-renders on every event,
 * redaction and thread update, so this stays current without subscriptions of its own.
 */
export function readEventRelations(client: MatrixClient, room: Room, event: MatrixEvent) {
  const id = event.getId()
  const annotations = id
    ? room.relations.getChildEventsForEvent(id, 'm.annotation', 'm.reaction')?.getRelations()
    : undefined
  const reactions: ReactionChip[] = reactionChips(
    (annotations ?? []).map((r) => ({
      key: textOf(r.getRelation()?.key),
      sender: r.getSender() ?? '',
      eventId: r.getId(),
      redacted: r.isRedacted(),
    })),
    client.getUserId(),
  )
  const edits = id
    ? (room.relations.getChildEventsForEvent(id, 'm.replace', 'm.room.message')?.getRelations() ?? [])
    : []
  const thread = event.isThreadRoot ? event.getThread() : undefined
  return {
    reactions,
    replyTo: replyTargetId(event.getWireContent()),
    edited: event.replacingEvent() !== null,
    edits: edits.filter((e) => !e.isRedacted()).sort((a, b) => a.getTs() - b.getTs()),
    thread: thread && thread.length > 0 ? { count: thread.length, last: thread.replyToEvent } : null,
  }
}
