import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { MatrixClient, Room } from 'matrix-js-sdk'
import { Button } from '@/ui/button.tsx'
import { useT } from '@/lib/i18n/use-t.ts'
import { logoutMatrixClient } from '@/lib/matrix/matrix-client.ts'
import { useMatrixConnection } from '@/lib/matrix/matrix-client-provider.tsx'
import { chatMessages } from '../chat-messages.ts'
import { useReadMarkers } from '../hooks/use-read-markers.ts'
import { useRoomMembers } from '../hooks/use-room-members.ts'
import { useRoomTimeline } from '../hooks/use-room-timeline.ts'
import { useTypingUsers } from '../hooks/use-typing-users.ts'
import { newestEventId, useUnreadLine } from '../hooks/use-unread-line.ts'
import { useJumpRequestStore } from '../model/jump-request-store.ts'
import { ChatActionsProvider, type ChatActions } from './chat-actions-context.tsx'
import { Composer, type ComposerTarget } from './composer.tsx'
import { ConnectionStatus } from './connection-status.tsx'
import { MemberList } from './member-list.tsx'
import { MentionNotifyToggle } from './mention-notify-toggle.tsx'
import { ChatTimeline } from './chat-timeline.tsx'
import { ThreadPanel } from './thread-panel.tsx'
import { TypingIndicator } from './typing-indicator.tsx'

/** What a header slot may depend on: the link to the homeserver and whether it gives presence. */
export interface RoomHeaderContext {
  serverUnreachable: boolean
  presenceUnavailable: boolean
}

/** A header slot: an element, or one drawn from the room's state. */
export type HeaderExtra = ReactNode | ((ctx: RoomHeaderContext) => ReactNode)

/** A joined room: header (name, online count, connection, extra slot), timeline, typing, composer, members. */
export function RoomView({
  client,
  room,
  activityAllowed,
  headerExtra,
  membersOpen,
  onToggleMembers,
}: {
  client: MatrixClient
  room: Room
  activityAllowed: boolean
  headerExtra?: HeaderExtra
  membersOpen: boolean
  onToggleMembers: () => void
}) {
  const t = useT(chatMessages)
  const connection = useMatrixConnection()
  const live = connection.kind === 'live'
  const timeline = useRoomTimeline(client, room)
  const { members, onlineCount, presenceUnavailable } = useRoomMembers(client, room)
  const typing = useTypingUsers(client, room)
  const [target, setTarget] = useState<ComposerTarget | null>(null)
  const [threadId, setThreadId] = useState<string | null>(null)
  const jumpRef = useRef<((eventId: string) => void) | null>(null)
  const actions = useMemo<ChatActions>(
    () => ({
      replyTo: (event) => setTarget({ kind: 'reply', event }),
      edit: (event) => setTarget({ kind: 'edit', event }),
      openThread: setThreadId,
      jumpTo: (eventId) => jumpRef.current?.(eventId),
    }),
    [],
  )
  // A clicked mention notification (raised by the app's watcher) shows its message once it is here.
  const requested = useJumpRequestStore((s) => s.eventId)
  useEffect(() => {
    if (!requested || !timeline.items.some((i) => i.kind === 'event' && i.event.getId() === requested)) return
    actions.jumpTo(requested)
    useJumpRequestStore.getState().jumpDone()
  }, [requested, timeline.items, actions])
  const { unreadId, markRead, markedThrough } = useUnreadLine(client, room, timeline.items, live)
  const [atBottom, setAtBottom] = useState(true)
  const lastItem = timeline.items.at(-1)
  // Read through the newest once nothing unread is left above and the reader is at the bottom, as Element.
  const readThrough = unreadId === null && atBottom ? newestEventId(room) : markedThrough
  useReadMarkers(
    client,
    room,
    lastItem?.kind === 'event' ? lastItem.event : undefined,
    readThrough,
    activityAllowed && live,
  )

  return (
    <ChatActionsProvider value={actions}>
      <section aria-label={room.name} className="@container flex min-h-0 flex-1 flex-col">
        <header className="flex flex-col gap-1 border-b border-border px-3 py-2">
          <div className="flex items-center gap-2">
            <h2 className="min-w-0 flex-1 truncate font-semibold">{room.name}</h2>
            <span className="text-xs text-muted" data-testid="online-count">
              {presenceUnavailable ? t('presenceUnavailable') : t('online', { count: onlineCount })}
            </span>
            <MentionNotifyToggle />
            <Button
              variant="ghost"
              aria-expanded={membersOpen}
              onClick={onToggleMembers}
              className="px-2 py-1 text-xs"
            >
              {membersOpen ? t('hideMembers') : t('members')}
            </Button>
            <Button variant="ghost" onClick={() => void logoutMatrixClient()} className="px-2 py-1 text-xs">
              {t('signOut')}
            </Button>
          </div>
          <div className="flex items-center gap-2">
            <div className="min-w-0 flex-1">
              <ConnectionStatus />
            </div>
            {typeof headerExtra === 'function'
              ? headerExtra({
                  serverUnreachable: connection.kind === 'error' || connection.kind === 'reconnecting',
                  presenceUnavailable,
                })
              : headerExtra}
          </div>
        </header>
        {/* Under 600 px the thread and the members lie over the messages instead of squeezing them. */}
        <div className="relative flex min-h-0 flex-1">
          <div className="flex min-w-0 flex-1 flex-col">
            <ChatTimeline
              client={client}
              room={room}
              items={timeline.items}
              live={live}
              canPaginate={timeline.canPaginate}
              paginating={timeline.paginating}
              paginateBack={timeline.paginateBack}
              jumpRef={jumpRef}
              unreadId={unreadId}
              onUnreadRead={markRead}
              active={activityAllowed}
              onBottomChange={setAtBottom}
            />
            <TypingIndicator names={typing} />
            <Composer
              client={client}
              room={room}
              activityAllowed={activityAllowed}
              target={target}
              onTargetDone={() => setTarget(null)}
            />
          </div>
          {threadId && (
            <aside className="w-72 max-w-[60%] shrink-0 border-l border-border bg-raised @max-[600px]:absolute @max-[600px]:inset-y-0 @max-[600px]:right-0 @max-[600px]:z-20 @max-[600px]:max-w-[90%] @max-[600px]:shadow-lg">
              <ThreadPanel
                client={client}
                room={room}
                rootId={threadId}
                live={live}
                activityAllowed={activityAllowed}
                onClose={() => setThreadId(null)}
              />
            </aside>
          )}
          {membersOpen && !threadId && (
            <aside className="w-48 shrink-0 border-l border-border bg-raised @max-[600px]:absolute @max-[600px]:inset-y-0 @max-[600px]:right-0 @max-[600px]:z-20 @max-[600px]:w-56 @max-[600px]:max-w-[80%] @max-[600px]:shadow-lg">
              <MemberList
                members={members}
                me={client.getUserId()}
                presenceUnavailable={presenceUnavailable}
              />
            </aside>
          )}
        </div>
      </section>
    </ChatActionsProvider>
  )
}
