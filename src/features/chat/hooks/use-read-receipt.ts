import { useEffect } from 'react'
import type { MatrixClient, MatrixEvent, Room } from 'matrix-js-sdk'
import { RECEIPT_SETTLE_MS, receiptToSend } from '../model/read-receipt-policy.ts'

/** The last receipt sent per room by this tab: the panel and the full page share it across remounts. */
const lastSent = new Map<string, string>()

/**
 * Sends one read receipt for the newest event on screen once the timeline has settled, and none when the
 * server already has it (a reload, a re-opened panel). Only while activity signals are allowed: a receipt
 * flips the user's presence back to online on the server.
 */
export function useReadReceipt(
  client: MatrixClient,
  room: Room,
  latest: MatrixEvent | undefined,
  allowed: boolean,
) {
  const id = latest?.getId()
  useEffect(() => {
    if (!allowed || !latest) return
    const me = client.getUserId()
    const candidate = () => ({
      roomId: room.roomId,
      eventId: id,
      sender: latest.getSender(),
      pending: latest.status !== null,
      alreadyRead: me !== null && id !== undefined && room.hasUserReadEvent(me, id),
    })
    if (receiptToSend(candidate(), me, lastSent) === null) return
    // Events of one sync arrive one render at a time: wait until the newest has stayed the newest.
    const timer = setTimeout(() => {
      const target = receiptToSend(candidate(), me, lastSent)
      if (target === null) return
      lastSent.set(room.roomId, target)
      client.sendReadReceipt(latest).catch(() => {
        if (lastSent.get(room.roomId) === target) lastSent.delete(room.roomId)
      })
    }, RECEIPT_SETTLE_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [client, room, latest, id, allowed])
}
