/**
 * Where the simulated homeserver (demo mode, MSW) answers, and its room. Shared by the app (which points the
 * chat at it when no homeserver is configured) and the simulator in `mocks/matrix/`.
 */
export const DEMO_HOMESERVER_PATH = '/demo-matrix'
export const DEMO_SERVER_NAME = 'demo.local'
export const DEMO_ROOM_ALIAS = `#ops:${DEMO_SERVER_NAME}`
export const DEMO_ROOM_ID = `!ops:${DEMO_SERVER_NAME}`
/** The simulator accepts any user name with this password. */
export const DEMO_PASSWORD = 'demo'

/** The demo homeserver's base URL on this page's origin. */
export function demoHomeserverUrl(origin = window.location.origin): string {
  return `${origin}${DEMO_HOMESERVER_PATH}`
}
