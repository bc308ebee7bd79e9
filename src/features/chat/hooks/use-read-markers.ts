import { useEffect } from 'react'
import type { MatrixClient, MatrixEvent, Room } from 'matrix-js-sdk'
import { markerToMove, RECEIPT_SETTLE_MS, receiptToSend } from '../model/read-receipt-policy.ts'

/** The last receipt and marker sent per room by this tab: the panel and the full page share them. */
const lastReceipt = new Map<string, string>()
const lastMarker = new Map<string, string>()

/** My fully-read marker in the room (the lean sync keeps this one piece of room account data). */
export function fullyReadOf(room: Room): string | null {
  const id: unknown = room.getAccountData('m.fully_read')?.getContent().event_id
  return typeof id === 'string' ? id : null
}

/**
 * Whether my receipt is at or after `eventId` in the live timeline. The SDK's `hasUserReadEvent` compares
 * across timelines too, and after a gappy sync it can take the receipt left in the old one as later.
 */
function receiptCovers(room: Room, me: string, eventId: string): boolean {
  const upTo = room.getEventReadUpTo(me, true)
  if (upTo === null) return false
  const events = room.getLiveTimeline().getEvents()
  const receiptAt = events.findIndex((e) => e.getId() === upTo)
  return receiptAt >= 0 && receiptAt >= events.findIndex((e) => e.getId() === eventId)
}

/**
 * Keeps where I am in the room on the server, as Element does: the read receipt (`m.read`) follows the
 * newest event on screen once the timeline has settled; the fully-read marker (`m.fully_read`, where every
 * client draws the unread line) follows `readThrough`, the event the reader has read through. Both go in one
 * `/read_markers` request when both move, and nothing goes when the server already has them (a reload).
 * Only while activity signals are allowed: a receipt flips the user's presence back to online.
 */
export function useReadMarkers(
  client: MatrixClient,
  room: Room,
  latest: MatrixEvent | undefined,
  readThrough: string | null,
  allowed: boolean,
) {
  const id = latest?.getId()
  useEffect(() => {
    if (!allowed) return
    const me = client.getUserId()
    const plan = () => ({
      receipt: latest
        ? receiptToSend(
            {
              roomId: room.roomId,
              eventId: id,
              sender: latest.getSender(),
              pending: latest.status !== null,
              alreadyRead: me !== null && id !== undefined && receiptCovers(room, me, id),
            },
            me,
            lastReceipt,
          )
        : null,
      marker: markerToMove({ roomId: room.roomId, readThrough, fullyRead: fullyReadOf(room) }, lastMarker),
    })
    const first = plan()
    if (first.receipt === null && first.marker === null) return
    // Events of one sync arrive one render at a time: wait until the newest has stayed the newest.
    const timer = setTimeout(() => {
      const { receipt, marker } = plan()
      if (receipt !== null) lastReceipt.set(room.roomId, receipt)
      if (marker !== null) lastMarker.set(room.roomId, marker)
      const forget = () => {
        if (receipt !== null && lastReceipt.get(room.roomId) === receipt) lastReceipt.delete(room.roomId)
        if (marker !== null && lastMarker.get(room.roomId) === marker) lastMarker.delete(room.roomId)
      }
      const rrEvent = receipt !== null ? latest : undefined
      if (marker !== null) client.setRoomReadMarkers(room.roomId, marker, rrEvent).catch(forget)
      else if (rrEvent) client.sendReadReceipt(rrEvent).catch(forget)
    }, RECEIPT_SETTLE_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [client, room, latest, id, readThrough, allowed])
}
