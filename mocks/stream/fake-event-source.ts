import type { EventSourceLike } from '@/entities/node/api/fleet-stream.ts'

/**
 * A stand-in for the browser's EventSource (jsdom has none): a test opens it, pushes named events into it, and
 * drops it the two ways a real one drops (reconnecting, or closed for good). Every instance is kept, newest last.
 */
export class FakeEventSource implements EventSourceLike {
  static readonly instances: FakeEventSource[] = []
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 2

  readyState = FakeEventSource.CONNECTING
  onopen: ((ev: Event) => unknown) | null = null
  onerror: ((ev: Event) => unknown) | null = null
  readonly url: string
  private readonly listeners = new Map<string, ((ev: { data: unknown }) => void)[]>()

  constructor(url: string) {
    this.url = url
    FakeEventSource.instances.push(this)
  }

  static latest(): FakeEventSource {
    const last = FakeEventSource.instances.at(-1)
    if (!last) throw new Error('No EventSource was opened')
    return last
  }

  static reset(): void {
    FakeEventSource.instances.length = 0
  }

  addEventListener(type: string, listener: (ev: { data: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED
  }

  /** The server answered: the stream is connected. */
  connect(): void {
    this.readyState = FakeEventSource.OPEN
    this.onopen?.(new Event('open'))
  }

  /** One named event, its data as the server writes it (JSON text). */
  emit(type: string, data: unknown): void {
    const text = typeof data === 'string' ? data : JSON.stringify(data)
    for (const l of this.listeners.get(type) ?? []) l({ data: text })
  }

  /** The connection dropped: `closed` as after an HTTP error (no retry by itself), else reconnecting. */
  drop(closed = false): void {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING
    this.onerror?.(new Event('error'))
  }
}
