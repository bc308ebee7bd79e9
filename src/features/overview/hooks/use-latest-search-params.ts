import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import { useLocation, useNavigate } from 'react-router'

/**
 * The address bar's query string as last written, ahead of the router. React Router commits a navigation in a
 * transition, so for a moment after `navigate` its location still holds the old query: a search box bound to
 * it lags behind the keyboard, and a second write in that moment (a keystroke, then a click on a filter)
 * builds on the old query and loses the first. Writes land here synchronously and are read back until the
 * router's location catches up (or the view goes elsewhere).
 */
let pending: { pathname: string; search: string } | null = null
const listeners = new Set<() => void>()

function setPending(next: typeof pending) {
  pending = next
  for (const l of listeners) l()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    // Nobody reads it any more (the view unmounted): a later visit starts from the real address.
    if (listeners.size === 0) pending = null
  }
}

const getPending = () => pending

const withoutMark = (s: string) => (s.startsWith('?') ? s.slice(1) : s)

/**
 * The current query string (the latest written one while a navigation is in flight) and a functional
 * updater that always builds on it. Writes replace the history entry: filters and selection are a way of
 * looking at one page, not places the back button should visit one keystroke at a time.
 */
export function useLatestSearchParams(): [
  URLSearchParams,
  (update: (prev: URLSearchParams) => URLSearchParams) => void,
] {
  const { pathname, search } = useLocation()
  const navigate = useNavigate()
  const p = useSyncExternalStore(subscribe, getPending, getPending)
  const effective = p && p.pathname === pathname ? p.search : withoutMark(search)

  useEffect(() => {
    // The router caught up, or the view moved elsewhere: the address is the truth again.
    // Only if nothing newer was written since this render: clearing a newer write would let the next
    // keystroke build on the old query and drop the one in between.
    if (p && pending === p && (p.pathname !== pathname || p.search === withoutMark(search))) setPending(null)
  }, [p, pathname, search])

  const params = useMemo(() => new URLSearchParams(effective), [effective])
  const update = useCallback(
    (f: (prev: URLSearchParams) => URLSearchParams) => {
      const base = pending && pending.pathname === pathname ? pending.search : effective
      const next = f(new URLSearchParams(base)).toString()
      if (next === base) return
      setPending({ pathname, search: next })
      void navigate({ pathname, search: next === '' ? '' : `?${next}` }, { replace: true })
    },
    [effective, pathname, navigate],
  )
  return [params, update]
}
