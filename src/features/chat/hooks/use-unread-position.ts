import { useCallback, useEffect, useState, type RefObject } from 'react'
import type { Virtualizer } from '@tanstack/react-virtual'
import { UNREAD_LINE_DWELL_MS } from '../model/unread-line.ts'

/** Where the unread line is against the scroll box: above it, in view, below it, or nowhere. */
export type LinePosition = 'above' | 'in-view' | 'below' | null

/**
 * Tracks where the unread line's row (`row`, -1 for none) is, for the "jump to first unread" control, and
 * counts the unread as read once the line has been seen and the reader has stayed at the bottom of an
 * active page for {@link UNREAD_LINE_DWELL_MS}.
 */
export function useUnreadPosition({
  virtualizer,
  scrollRef,
  row,
  atBottom,
  active,
  onRead,
}: {
  virtualizer: Virtualizer<HTMLDivElement, Element>
  scrollRef: RefObject<HTMLDivElement | null>
  row: number
  atBottom: boolean
  active: boolean
  onRead: () => void
}) {
  const [position, setPosition] = useState<LinePosition>(null)
  const [seen, setSeen] = useState(false)

  const update = useCallback(() => {
    const el = scrollRef.current
    if (!el || row < 0) {
      setPosition(null)
      return
    }
    const start = virtualizer.measurementsCache[row]?.start
    let next: LinePosition
    if (start === undefined) next = 'above'
    else if (start < el.scrollTop) next = 'above'
    else if (start > el.scrollTop + el.clientHeight) next = 'below'
    else next = 'in-view'
    setPosition(next)
    if (next === 'in-view') setSeen(true)
  }, [row, scrollRef, virtualizer])

  useEffect(() => {
    update()
  })

  useEffect(() => {
    if (!seen || !atBottom || !active || row < 0) return
    const timer = setTimeout(onRead, UNREAD_LINE_DWELL_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [seen, atBottom, active, row, onRead])

  return { position, update }
}
