import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react'
import type { ObservedBeat, ObservedHistoryStore, ObservedHistoryView } from './observed-history-store.ts'

const ObservedHistoryContext = createContext<ObservedHistoryStore | null>(null)

/** Hands the app's observed history (created and fed with the query client, in `app/providers.tsx`) down. */
export function ObservedHistoryProvider({
  store,
  children,
}: {
  store: ObservedHistoryStore
  children: ReactNode
}) {
  return <ObservedHistoryContext value={store}>{children}</ObservedHistoryContext>
}

/** The app's observed history; throws outside its provider. */
export function useObservedHistory(): ObservedHistoryStore {
  const store = useContext(ObservedHistoryContext)
  if (!store) throw new Error('useObservedHistory needs an ObservedHistoryProvider')
  return store
}

/** Beat instants (ms, oldest first) this page has observed for a node; re-renders only when it gets a beat. */
export function useObservedBeats(nodeId: string): readonly number[] {
  const store = useObservedHistory()
  return useSyncExternalStore(
    (cb) => store.subscribe(nodeId, cb),
    () => store.getBeats(nodeId),
  )
}

/** The observed beats with the status each reported and `seenUntil`, oldest first. */
export function useObservedHeartbeats(nodeId: string): readonly ObservedBeat[] {
  const store = useObservedHistory()
  return useSyncExternalStore(
    (cb) => store.subscribe(nodeId, cb),
    () => store.getHeartbeats(nodeId),
  )
}

/** When this page started observing the fleet (null until the first poll answered). */
export function useObservedSince(): number | null {
  const store = useObservedHistory()
  return useSyncExternalStore(
    (cb) => store.subscribeAll(cb),
    () => store.observedSince(),
  )
}

/** The whole history as of its last change (see `ObservedHistoryStore.snapshot`). */
export function useObservedHistoryView(): ObservedHistoryView {
  const store = useObservedHistory()
  return useSyncExternalStore(
    (cb) => store.subscribeAll(cb),
    () => store.snapshot(),
  )
}
