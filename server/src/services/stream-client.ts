import type { EventMessage } from 'fastify'

export interface StreamClientLimits {
  /** Events waiting for one client past which it is dropped at once (they are shared, so this is pointers). */
  maxQueued: number
  /** A client that has events waiting and has taken none for this long has stopped reading: it is dropped. */
  stallMs: number
}

/**
 * One connected tab: a queue read by its response stream. The stream pulls only as fast as the socket drains
 * (backpressure), so a tab that stops reading leaves events here; when it has taken nothing for `stallMs`, or
 * the queue passes `maxQueued`, it is dropped (`onDrop`): the server's memory stays flat whatever a client
 * does. The messages themselves are shared by every client's queue.
 */
export class StreamClient implements AsyncIterable<EventMessage> {
  private queue: EventMessage[] = []
  private head = 0
  private lastProgress: number
  private wake: (() => void) | null = null
  private closed = false
  private readonly limits: StreamClientLimits
  private readonly onDrop: () => void
  private readonly now: () => number

  constructor(limits: StreamClientLimits, onDrop: () => void, now: () => number = Date.now) {
    this.limits = limits
    this.onDrop = onDrop
    this.now = now
    this.lastProgress = now()
  }

  get isClosed() {
    return this.closed
  }

  get queued() {
    return this.queue.length - this.head
  }

  offer(message: EventMessage): void {
    if (this.closed) return
    if (this.queued === 0) this.lastProgress = this.now()
    if (this.checkStalled()) return
    if (this.queued >= this.limits.maxQueued) {
      this.drop()
      return
    }
    this.queue.push(message)
    this.wake?.()
  }

  /** Drops the client if it has stopped reading; the hub asks every client after each read. */
  checkStalled(): boolean {
    if (this.closed || this.queued === 0 || this.now() - this.lastProgress <= this.limits.stallMs)
      return false
    this.drop()
    return true
  }

  private drop() {
    this.close()
    this.onDrop()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.queue = []
    this.head = 0
    this.wake?.()
  }

  async *[Symbol.asyncIterator](): AsyncIterator<EventMessage> {
    while (!this.closed) {
      if (this.head < this.queue.length) {
        const next = this.queue[this.head++] as EventMessage
        this.lastProgress = this.now()
        // Compact now and then instead of shifting on every read.
        if (this.head > 1024 && this.head * 2 > this.queue.length) {
          this.queue = this.queue.slice(this.head)
          this.head = 0
        }
        yield next
        continue
      }
      await new Promise<void>((resolve) => (this.wake = resolve))
      this.wake = null
    }
  }
}
