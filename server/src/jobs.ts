/**
 * A background job of the server (the event stream's reader, the incident bot, …): started once the
 * server listens, stopped before it closes. The composition root (`server.ts`) owns the list.
 */
export interface Job {
  name: string
  start(): void | Promise<void>
  stop(): Promise<void>
}
