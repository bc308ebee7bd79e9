import type { EventMessage } from 'fastify'

export interface StreamClientLimits {
  /** Events waiting for one client before it counts as not reading. */
  maxQueued: number
  /** Bytes (of event data) waiting for one client before it counts as not reading. */
  maxQueuedBytes: number
}

/**
 * One connected tab: a bounded queue read by its response stream. The stream pulls only as fast as the socket
 * drains (backpressure), so a tab that stops reading leaves events here; past the bounds it is dropped
 * (`onDrop`), which keeps the server's memory flat whatever a client does.
 */
export class StreamClient implements AsyncIterable<EventMessage> {
  private queue: EventMessage[] = []
  private bytes = 0
  private wake: (() => void) | null = null
  private closed = false

  private readonly limits: StreamClientLimits
  private readonly onDrop: () => void

  constructor(limits: StreamClientLimits, onDrop: () => void) {
    this.limits = limits
    this.onDrop = onDrop
  }

  get isClosed() {
    return this.closed
  }

  offer(message: EventMessage): void {
    if (this.closed) return
    const size = (message.data?.length ?? 0) + (message.id?.length ?? 0) + 32
    if (this.queue.length >= this.limits.maxQueued || this.bytes + size > this.limits.maxQueuedBytes) {
      this.close()
      this.onDrop()
      return
    }
    this.queue.push(message)
    this.bytes += size
    this.wake?.()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.queue = []
    this.bytes = 0
    this.wake?.()
  }

  async *[Symbol.asyncIterator](): AsyncIterator<EventMessage> {
    while (!this.closed) {
      const next = this.queue.shift()
      if (next) {
        this.bytes -= (next.data?.length ?? 0) + (next.id?.length ?? 0) + 32
        yield next
        continue
      }
      await new Promise<void>((resolve) => (this.wake = resolve))
      this.wake = null
    }
  }
}
