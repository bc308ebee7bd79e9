import { create } from 'zustand'
import { clearStoredSession, loadStoredSession, storeSession, type MatrixSession } from './matrix-session.ts'

/** Why the user is looking at the login form again; shown above it. */
export type SignedOutReason = 'unknown-token' | 'soft-logout' | 'other-homeserver'

interface MatrixSessionState {
  session: MatrixSession | null
  remembered: boolean
  signedOutReason: SignedOutReason | null
  /** The user logged in: keep the session (per tab, or remembered) and start the client. */
  sessionStarted: (session: MatrixSession, remember: boolean) => void
  /**
   * The session is over: the user logged out (no reason) or the server rejected the token
   * (`M_UNKNOWN_TOKEN`, with the reason to show). Forgets the token everywhere.
   */
  sessionEnded: (reason?: SignedOutReason) => void
}

const stored = typeof window === 'undefined' ? null : loadStoredSession()

/**
 * The Matrix login of this tab. Only the session (token, user, device) lives here; everything the server
 * says lives in the client (`matrix-client.ts`).
 */
export const useMatrixSessionStore = create<MatrixSessionState>()((set) => ({
  session: stored?.session ?? null,
  remembered: stored?.remembered ?? false,
  signedOutReason: null,
  sessionStarted: (session, remember) => {
    storeSession(session, remember)
    set({ session, remembered: remember, signedOutReason: null })
  },
  sessionEnded: (reason) => {
    clearStoredSession()
    set({ session: null, remembered: false, signedOutReason: reason ?? null })
  },
}))

/** Re-reads storage (another test or tab may have changed it); used by tests and after logout in another tab. */
export function reloadMatrixSessionFromStorage(): void {
  const s = loadStoredSession()
  useMatrixSessionStore.setState({
    session: s?.session ?? null,
    remembered: s?.remembered ?? false,
    signedOutReason: null,
  })
}
