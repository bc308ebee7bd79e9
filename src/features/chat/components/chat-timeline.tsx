import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { MatrixClient, MatrixEvent, Room } from 'matrix-js-sdk'
import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { localeOf } from '@/lib/time/format-time.ts'
import { chatMessages } from '../chat-messages.ts'
import { useUnreadPosition } from '../hooks/use-unread-position.ts'
import type { TimelineItem } from '../model/timeline-items.ts'
import { TimelineEvent } from './timeline-event.tsx'
import { JumpToUnread, UnreadLine } from './unread-line.tsx'

/** Closer than this to the bottom counts as "at the bottom" (new messages keep it pinned). */
const BOTTOM_SLACK_PX = 48
/** Closer than this to the top loads older messages. */
const TOP_TRIGGER_PX = 300

function dayLabel(ts: number, lang: 'uk' | 'en') {
  return new Date(ts).toLocaleDateString(localeOf(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
}

interface Props {
  client: MatrixClient
  room: Room
  items: TimelineItem<MatrixEvent>[]
  live: boolean
  canPaginate: boolean
  paginating: boolean
  paginateBack: () => Promise<void>
  /** Set to a function that scrolls to an event and focuses it (a reply's quote jumps with it). */
  jumpRef: RefObject<((eventId: string) => void) | null>
  /** The first unread message, where the unread line goes (null: none). */
  unreadId?: string | null
  /** The unread have been read (seen and stayed at the bottom, or dismissed). */
  onUnreadRead?: () => void
  /** The page is visible and the user active: only then is anything read. */
  active?: boolean
  /** Whether the reader is at the newest messages (pinned to the bottom) or has scrolled up. */
  onBottomChange?: (atBottom: boolean) => void
}

const noop = () => undefined

/**
 * The virtualized timeline (smooth with thousands of events). Pinned to the bottom while the user is
 * there; older messages load on scrolling up without moving what the user reads; "jump to latest" when
 * new ones arrive while scrolled up.
 */
export function ChatTimeline({
  client,
  room,
  items,
  live,
  canPaginate,
  paginating,
  paginateBack,
  jumpRef,
  unreadId = null,
  onUnreadRead = noop,
  active = true,
  onBottomChange,
}: Props) {
  const t = useT(chatMessages)
  const lang = useLang()
  const scrollRef = useRef<HTMLDivElement | null>(null)
  // Opened at the bottom before the virtualizer first reads the offset (a ref is set before layout effects).
  const attachScroll = useCallback((el: HTMLDivElement | null) => {
    scrollRef.current = el
    if (el) el.scrollTop = el.scrollHeight
  }, [])
  const count = items.length + 1 // row 0: "loading older" / "start of the room"
  const estimateSize = (i: number) => {
    const item = items[i - 1]
    if (!item) return 32
    if (item.kind === 'day') return 36
    return item.continuation ? 26 : 56
  }
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is built for re-render-driven use; this component is not memoised
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    // The first render already lays out the newest rows (the bottom of a window-high view), so the last
    // message is painted in the first frame instead of after a render of the oldest rows and a scroll.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
    initialOffset: () => {
      let total = 0
      for (let i = 0; i < count; i++) total += estimateSize(i)
      return total
    },
    getItemKey: (i) => (i === 0 ? '__top' : (items[i - 1]?.key ?? i)),
    overscan: 10,
  })

  // Pinned to the bottom until the user scrolls up (wheel, touch, keys, scrollbar): size changes from
  // measuring rows or new messages must not unpin it, only the user can.
  const pinned = useRef(true)
  const userIntent = useRef(false)
  const [showJump, setShowJump] = useState(false)
  const [unseen, setUnseen] = useState(0)
  const prev = useRef<{ first?: string; last?: string; total: number; scrollTop: number } | null>(null)
  useEffect(() => onBottomChange?.(!showJump), [showJump, onBottomChange])

  const pinToBottom = useCallback(() => {
    const el = scrollRef.current
    if (el) el.scrollTop = el.scrollHeight
  }, [])

  const scrollToBottom = useCallback(() => {
    pinned.current = true
    virtualizer.scrollToIndex(count - 1, { align: 'end' })
    pinToBottom()
    setShowJump(false)
    setUnseen(0)
  }, [virtualizer, count, pinToBottom])

  useEffect(() => {
    jumpRef.current = (eventId) => {
      const index = items.findIndex((i) => i.kind === 'event' && i.event.getId() === eventId)
      if (index < 0) return
      pinned.current = false
      setShowJump(true)
      virtualizer.scrollToIndex(index + 1, { align: 'center' })
      requestAnimationFrame(() => {
        scrollRef.current?.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(eventId)}"]`)?.focus()
      })
    }
  }, [jumpRef, items, virtualizer])

  // Keep the reader's place: prepends keep the distance from the bottom, appends follow the bottom.
  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const first = items.find((i) => i.kind === 'event')?.key
    const last = items.at(-1)?.key
    const p = prev.current
    const total = virtualizer.getTotalSize()
    if (!p || pinned.current) {
      pinToBottom()
    } else {
      if (first !== p.first && p.first !== undefined) el.scrollTop = total - (p.total - p.scrollTop)
      if (last !== p.last) setUnseen((n) => n + 1)
    }
    prev.current = { first, last, total, scrollTop: el.scrollTop }
  }, [items, virtualizer, pinToBottom])
  // Rows measured after they render change the height without a scroll (rows at or below the top of the
  // view): note it after every commit, so a prepend keeps the distance from the bottom as it is now. With
  // the height of the last scroll, a reader at the top was thrown down by what had been measured since.
  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el || !prev.current) return
    prev.current.total = virtualizer.getTotalSize()
    prev.current.scrollTop = el.scrollTop
  })

  // Rows are measured after they render: while pinned, follow the content's growth.
  const contentRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const content = contentRef.current
    if (!content || typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(() => {
      if (pinned.current) pinToBottom()
    })
    ro.observe(content)
    return () => {
      ro.disconnect()
    }
  }, [pinToBottom])

  const unreadIndex = unreadId
    ? items.findIndex((i) => i.kind === 'event' && i.event.getId() === unreadId)
    : -1
  const unread = useUnreadPosition({
    virtualizer,
    scrollRef,
    row: unreadIndex < 0 ? -1 : unreadIndex + 1,
    atBottom: !showJump,
    active,
    onRead: onUnreadRead,
  })
  const updateUnread = unread.update
  const jumpToUnread = () => {
    pinned.current = false
    setShowJump(true)
    virtualizer.scrollToIndex(unreadIndex + 1, { align: 'start' })
  }

  const onScroll = useCallback(() => {
    const el = scrollRef.current
    if (!el) return
    const nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK_PX
    if (nearBottom) pinned.current = true
    else if (userIntent.current) pinned.current = false
    setShowJump(!pinned.current)
    if (pinned.current) setUnseen(0)
    if (prev.current) {
      prev.current.scrollTop = el.scrollTop
      prev.current.total = virtualizer.getTotalSize()
    }
    updateUnread()
    if (el.scrollTop < TOP_TRIGGER_PX && canPaginate && !paginating) void paginateBack()
  }, [canPaginate, paginating, paginateBack, virtualizer, updateUnread])

  const markUserIntent = useCallback(() => {
    userIntent.current = true
  }, [])

  // Keep loading while the top is in reach and no scroll will come to ask: a short history that does not
  // fill the view cannot be scrolled, and a reader who reached the top while a page was loading (the scroll
  // that got there was ignored) is still at the top when it lands.
  useEffect(() => {
    const el = scrollRef.current
    if (!el || paginating || !canPaginate || el.clientHeight === 0) return
    const short = el.scrollHeight <= el.clientHeight + TOP_TRIGGER_PX
    if (short || el.scrollTop < TOP_TRIGGER_PX) void paginateBack()
  }, [items.length, canPaginate, paginating, paginateBack])

  return (
    <div className="relative min-h-0 flex-1">
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the listeners only note that the user, not the layout, is scrolling */}
      <div
        ref={attachScroll}
        onScroll={onScroll}
        onWheel={markUserIntent}
        onTouchStart={markUserIntent}
        onPointerDown={markUserIntent}
        onKeyDown={markUserIntent}
        role="log"
        aria-label={t('timeline')}
        aria-busy={paginating}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be keyboard-reachable (WCAG 2.1.1)
        tabIndex={0}
        className="h-full overflow-y-auto focus-visible:outline-2 focus-visible:outline-accent"
        style={{ overflowAnchor: 'none' }}
      >
        <div
          ref={contentRef}
          style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}
        >
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index - 1]
            return (
              <div
                key={row.key}
                data-index={row.index}
                ref={virtualizer.measureElement}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${row.start}px)`,
                }}
              >
                {!item ? (
                  <p className="py-2 text-center text-xs text-muted">
                    {canPaginate ? t('loadingOlder') : t('startOfRoom')}
                  </p>
                ) : item.kind === 'day' ? (
                  <div
                    role="separator"
                    aria-label={dayLabel(item.ts, lang)}
                    className="flex items-center gap-2 px-3 pt-3 text-xs text-muted"
                  >
                    <span className="h-px flex-1 bg-border" />
                    <span>{dayLabel(item.ts, lang)}</span>
                    <span className="h-px flex-1 bg-border" />
                  </div>
                ) : (
                  <>
                    {row.index === unreadIndex + 1 && <UnreadLine />}
                    <TimelineEvent
                      client={client}
                      room={room}
                      event={item.event}
                      continuation={item.continuation && row.index !== unreadIndex + 1}
                      live={live}
                    />
                  </>
                )}
              </div>
            )
          })}
        </div>
      </div>
      {unread.position === 'above' && <JumpToUnread onJump={jumpToUnread} onMarkRead={onUnreadRead} />}
      {showJump && (
        <button
          type="button"
          onClick={scrollToBottom}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-accent px-3 py-1 text-xs font-medium text-accent-fg shadow"
        >
          {unseen > 0 ? t('newMessages', { count: unseen }) : t('jumpToLatest')}
        </button>
      )}
    </div>
  )
}
