import type { Clock } from '../model/clock.ts'
import type { BroadcastChannelLike } from '../model/tab-arbiter.ts'

/**
 * An in-memory stand-in for `BroadcastChannel`: every channel opened on one hub receives what the others
 * post (never its own messages), a moment later on the given clock, as the real one delivers asynchronously.
 */
export interface MemoryChannelHub {
  open(): BroadcastChannelLike
  /** Messages posted on the hub so far. */
  posted(): unknown[]
  /** The tab behind this channel stops being heard (crashed, or frozen in the background). */
  mute(channel: BroadcastChannelLike): void
}

export function createMemoryChannelHub(clock: Clock, delayMs = 0): MemoryChannelHub {
  const members = new Set<{ listeners: Set<(ev: MessageEvent) => void> }>()
  const log: unknown[] = []
  const muted = new WeakSet<BroadcastChannelLike>()
  return {
    posted: () => [...log],
    mute(channel) {
      muted.add(channel)
    },
    open() {
      const me = { listeners: new Set<(ev: MessageEvent) => void>() }
      let closed = false
      members.add(me)
      const channel: BroadcastChannelLike = {
        postMessage(message) {
          if (closed) throw new Error('channel is closed')
          if (muted.has(channel)) return
          log.push(message)
          // Structured clone, as the real channel does: no shared objects between tabs.
          const data: unknown = structuredClone(message)
          for (const m of members) {
            if (m === me) continue
            clock.after(delayMs, () => {
              if (!members.has(m)) return
              for (const l of m.listeners) l({ data } as MessageEvent)
            })
          }
        },
        addEventListener(_type, listener) {
          me.listeners.add(listener)
        },
        removeEventListener(_type, listener) {
          me.listeners.delete(listener)
        },
        close() {
          closed = true
          members.delete(me)
        },
      }
      return channel
    },
  }
}
