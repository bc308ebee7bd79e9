import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import {
  DEFAULT_FLEET_FILTERS,
  parseFleetFilters,
  writeFleetFilters,
  type FleetFilters,
} from '@/entities/node/model/fleet-filters.ts'
import { useLatestSearchParams } from './use-latest-search-params.ts'

/** Typing pauses this long before the search text goes to the address bar. */
export const SEARCH_URL_DELAY_MS = 300

/**
 * The search text as typed, ahead of the address bar. Writing the URL is a router navigation that re-renders
 * every view reading the location; at 10,000 nodes doing that on every keystroke made typing lag. So the list
 * follows the text at once, and the URL gets it once typing pauses, or before anything else happens: another
 * filter change (it carries the text with it), the search box losing focus (a click on a row, a link), Enter
 * or arrow down into the list.
 */
interface SearchDraft {
  q: string
  /** The path the text was typed on: a draft never writes to another view's address. */
  pathname: string
  /** The typing view's writer, read when the text is written: it builds on the address as it is then. */
  writer: { readonly current: (q: string) => void }
}
let draft: SearchDraft | null = null
let flushTimer: ReturnType<typeof setTimeout> | undefined
const draftListeners = new Set<() => void>()

function setDraft(next: SearchDraft | null) {
  draft = next
  for (const l of draftListeners) l()
}

function subscribeDraft(listener: () => void) {
  draftListeners.add(listener)
  return () => {
    draftListeners.delete(listener)
  }
}

const getDraft = () => draft

/** Writes the typed search text to the address bar now (no-op when there is none pending). */
export function flushSearchDraft(): void {
  clearTimeout(flushTimer)
  flushTimer = undefined
  const d = draft
  if (!d) return
  setDraft(null)
  if (window.location.pathname === d.pathname) d.writer.current(d.q)
}

/** Takes the pending text out without writing it: the change about to be written carries it. */
function takeDraft(): string | undefined {
  clearTimeout(flushTimer)
  flushTimer = undefined
  const q = draft?.q
  if (draft) setDraft(null)
  return q
}

/**
 * The fleet filters, read from and written to the address bar, so a reload or a shared link shows the same
 * list. Reads see a write at once (see `useLatestSearchParams`), and the search text even before it is
 * written (see `SearchDraft`), so the search box never lags the keyboard.
 */
export function useFleetFilterParams(): {
  filters: FleetFilters
  /** The user changed part of the filters (search text, a toggle, the sort). */
  filtersChanged: (patch: Partial<FleetFilters>) => void
  /** The user cleared search and filters; the sort stays (it is a way of looking, not a narrowing). */
  filtersCleared: () => void
} {
  const [params, update] = useLatestSearchParams()
  const key = params.toString()
  const typed = useSyncExternalStore(subscribeDraft, getDraft, getDraft)?.q
  // Parsed once per query string (not per render), so the object is stable for the memos downstream.
  const fromUrl = useMemo(() => parseFleetFilters(new URLSearchParams(key)), [key])
  const filters = useMemo(
    () => (typed === undefined || typed === fromUrl.q ? fromUrl : { ...fromUrl, q: typed }),
    [fromUrl, typed],
  )

  // This view's writer of the search text (the draft remembers whose it is).
  const writeRef = useRef<(q: string) => void>(() => undefined)
  useEffect(() => {
    writeRef.current = (q: string) =>
      update((prev) => writeFleetFilters(prev, { ...parseFleetFilters(prev), q }))
  }, [update])

  const filtersChanged = useCallback(
    (patch: Partial<FleetFilters>) => {
      const keys = Object.keys(patch)
      if (keys.length === 1 && patch.q !== undefined) {
        setDraft({ q: patch.q, pathname: window.location.pathname, writer: writeRef })
        clearTimeout(flushTimer)
        flushTimer = setTimeout(flushSearchDraft, SEARCH_URL_DELAY_MS)
        return
      }
      const q = takeDraft()
      update((prev) =>
        writeFleetFilters(prev, { ...parseFleetFilters(prev), ...(q === undefined ? {} : { q }), ...patch }),
      )
    },
    [update],
  )
  const filtersCleared = useCallback(() => {
    takeDraft()
    update((prev) => {
      const { sort, dir } = parseFleetFilters(prev)
      return writeFleetFilters(prev, { ...DEFAULT_FLEET_FILTERS, sort, dir })
    })
  }, [update])

  // The view goes away with text still pending (it was not left by a blur): drop it rather than write the
  // old view's address over the new one.
  useEffect(
    () => () => {
      if (draft?.writer === writeRef) takeDraft()
    },
    [],
  )
  return { filters, filtersChanged, filtersCleared }
}
/** The chosen node (`?node=<id>`), kept in the URL beside the filters. */
export function useSelectedNodeParam(): [string | null, (id: string | null) => void] {
  const [params, update] = useLatestSearchParams()
  const selected = params.get('node')
  const select = useCallback(
    (id: string | null) =>
      update((prev) => {
        const out = new URLSearchParams(prev)
        if (id === null) out.delete('node')
        else out.set('node', id)
        return out
      }),
    [update],
  )
  return [selected, select]
}
