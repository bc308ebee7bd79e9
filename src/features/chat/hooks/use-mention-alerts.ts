import { useEffect, useState } from 'react'
import {
  RoomEvent,
  type IRoomTimelineData,
  type MatrixClient,
  type MatrixEvent,
  type Room,
} from 'matrix-js-sdk'
import { hasRoomData } from '@/lib/matrix/matrix-client.ts'
import { useTypedEventEmitter } from '@/lib/matrix/use-typed-event-emitter.ts'
import { notifyOnce } from '@/lib/notify/notify-once.ts'
import { setTitleCount } from '@/lib/notify/title-count.ts'
import { isConfiguredRoom, mentionAlert } from '../model/mention-alert.ts'

const isHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden'

/**
 * While the page is hidden, a new message in the configured room (`!id` or `#alias`) that mentions me raises
 * one browser notification (if the user opted in; once across the console's tabs) and counts in the tab title
 * (`mentions`) until the page is seen. Mounted once per tab by the app, whatever view is open, on the tab's one
 * client; `onOpen` is called with the event id when the notification is clicked.
 */
export function useMentionAlerts(
  client: MatrixClient | null,
  roomIdOrAlias: string,
  onOpen: (eventId: string) => void,
) {
  const [unseen, setUnseen] = useState(0)

  const onEvent = (
    event: MatrixEvent,
    room: Room | undefined,
    toStart: boolean | undefined,
    removed: boolean,
    data: IRoomTimelineData,
  ) => {
    const me = client?.getUserId()
    if (!client || !me || !room || toStart || removed || !isHidden()) return
    // The first sync of a new profile brings history, not news.
    if (!hasRoomData(client)) return
    const names = {
      roomId: room.roomId,
      canonicalAlias: room.getCanonicalAlias(),
      altAliases: room.getAltAliases(),
    }
    if (!isConfiguredRoom(roomIdOrAlias, names)) return
    const id = event.getId()
    const sender = event.getSender()
    const alert = mentionAlert(
      {
        id,
        sender,
        senderName: event.sender?.name ?? sender ?? '',
        content: event.getContent(),
        live: data.liveEvent === true,
        alreadyRead: id !== undefined && room.hasUserReadEvent(me, id),
      },
      { userId: me, displayName: room.getMember(me)?.name },
      room.name,
    )
    if (!alert) return
    setUnseen((n) => n + 1)
    void notifyOnce({ ...alert, onClick: () => id && onOpen(id) })
  }
  // The client re-emits every room's timeline events.
  useTypedEventEmitter(client, RoomEvent.Timeline, onEvent)

  useEffect(() => {
    const onVisible = () => {
      if (!isHidden()) setUnseen(0)
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [])

  useEffect(() => {
    setTitleCount('mentions', unseen)
  }, [unseen])
  useEffect(
    () => () => {
      setTitleCount('mentions', 0)
    },
    [],
  )
}
