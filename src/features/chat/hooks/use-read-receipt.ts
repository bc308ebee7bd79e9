import { useEffect } from 'react'
import type { MatrixClient, MatrixEvent } from 'matrix-js-sdk'

/**
 * Sends a read receipt for the latest event from someone else, once per event, only while activity
 * signals are allowed (a receipt flips the user's presence back to online on the server).
 */
export function useReadReceipt(client: MatrixClient, latest: MatrixEvent | undefined, allowed: boolean) {
  const id = latest?.getId()
  const fromOther = latest !== undefined && latest.getSender() !== client.getUserId() && !latest.status
  useEffect(() => {
    if (!allowed || !latest || !fromOther || !id?.startsWith('$')) return
    void client.sendReadReceipt(latest).catch(() => undefined)
  }, [client, latest, id, fromOther, allowed])
}
