import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import type { Listener, ListenerMap, TypedEventEmitter } from 'matrix-js-sdk'

/**
 * Subscribes `handler` to one event of a matrix-js-sdk emitter (client, room, user, event) for the life of
 * the component; unsubscribes on unmount or when the emitter changes. The latest handler is always called,
 * so callers need not memoise it. (After element-web's `useTypedEventEmitter`.)
 */
export function useTypedEventEmitter<
  Events extends string,
  Arguments extends ListenerMap<Events>,
  T extends Events,
>(
  emitter: TypedEventEmitter<Events, Arguments> | null | undefined,
  eventName: T,
  handler: Listener<Events, Arguments, T>,
): void {
  const saved = useRef(handler)
  useEffect(() => {
    saved.current = handler
  })
  useEffect(() => {
    if (!emitter) return
    const listener = ((...args: unknown[]) => {
      ;(saved.current as (...a: unknown[]) => void)(...args)
    }) as Listener<Events, Arguments, T>
    emitter.on(eventName, listener)
    return () => {
      emitter.off(eventName, listener)
    }
  }, [emitter, eventName])
}

/**
 * A value read from an emitter, re-read whenever one of `eventNames` fires (after element-web's
 * `useTypedEventEmitterState`). `read` runs during render, so keep it cheap; it is re-run when the emitter,
 * the events or `read` itself change.
 */
export function useTypedEventEmitterState<Events extends string, Arguments extends ListenerMap<Events>, V>(
  emitter: TypedEventEmitter<Events, Arguments> | null | undefined,
  eventNames: readonly Events[],
  read: () => V,
): V {
  const version = useEmitterVersion(emitter, eventNames)
  const cache = useRef<{ version: number; read: () => V; value: V } | null>(null)
  // Memoised by (version, read) so repeated renders between events return the same value (stable identity).
  /* eslint-disable react-hooks/refs -- a render-time cache keyed by the emitter version, like useMemo */
  if (cache.current?.version !== version || cache.current.read !== read) {
    cache.current = { version, read, value: read() }
  }
  return cache.current.value
  /* eslint-enable react-hooks/refs */
}

let versionSeq = 0

/** A number that changes every time one of the events fires; the cheapest way to re-render on events. */
export function useEmitterVersion<Events extends string, Arguments extends ListenerMap<Events>>(
  emitter: TypedEventEmitter<Events, Arguments> | null | undefined,
  eventNames: readonly Events[],
): number {
  const key = eventNames.join('\u0000')
  const version = useRef(++versionSeq)
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!emitter) return () => undefined
      const names = key.split('\u0000') as Events[]
      const listener = (() => {
        version.current = ++versionSeq
        onChange()
      }) as Listener<Events, Arguments, Events>
      for (const n of names) emitter.on(n, listener)
      return () => {
        for (const n of names) emitter.off(n, listener)
      }
    },
    [emitter, key],
  )
  return useSyncExternalStore(
    subscribe,
    () => version.current,
    () => version.current,
  )
}
