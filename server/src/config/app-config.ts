import type { Config } from './config.ts'

/** The path of the event stream, announced to the app in `config.json` when the server offers it. */
export const EVENTS_PATH = '/api/v1/events'

/**
 * The app's runtime `config.json`, written from the server's configuration: the registry is this origin
 * (`registryUrl: "/"`, resolved by the app against `location.origin`), never the upstream's address or its
 * `Authorization`, which stay on the server.
 */
export function appConfigJson(config: Config, opts: { events: boolean }): Record<string, unknown> {
  return {
    registryUrl: '/',
    heartbeatIntervalSeconds: config.heartbeatIntervalSeconds,
    graceSeconds: config.graceSeconds,
    offlineAfterSeconds: config.offlineAfterSeconds,
    requestTimeoutMs: config.registryTimeoutMs + 1_000,
    ...(config.homeserverUrl && { homeserverUrl: config.homeserverUrl }),
    ...(config.chatRoom && { chatRoom: config.chatRoom }),
    ...(opts.events && { server: { events: EVENTS_PATH } }),
    // Only a configured bot posts incidents; without one the app derives them and says nobody is told.
    ...(config.botUserId && config.botRoomId && { incidents: { botUserId: config.botUserId } }),
  }
}
