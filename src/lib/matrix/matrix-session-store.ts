import { create } from 'zustand'
import {
  clearStoredSession,
  loadSignedOutReason,
  loadStoredSession,
  storeSession,
  storeSignedOutReason,
  type MatrixSession,
} from './matrix-session.ts'

/** Why the user is looking at the login form again; shown above it. */
const SIGNED_OUT_REASONS = ['unknown-token', 'soft-logout', 'other-homeserver'] as const
export type SignedOutReason = (typeof SIGNED_OUT_REASONS)[number]

/** The reason this tab was signed out, as kept across a reload (anything else reads as none). */
function storedReason(): SignedOutReason | null {
  const r = loadSignedOutReason()
  return SIGNED_OUT_REASONS.find((x) => x === r) ?? null
}

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
  signedOutReason: stored ? null : typeof window === 'undefined' ? null : storedReason(),
  sessionStarted: (session, remember) => {
    storeSession(session, remember)
    storeSignedOutReason(null)
    set({ session, remembered: remember, signedOutReason: null })
  },
  sessionEnded: (reason) => {
    clearStoredSession()
    storeSignedOutReason(reason ?? null)
    set({ session: null, remembered: false, signedOutReason: reason ?? null })
  },
}))

/** Re-reads storage (another test or tab may have changed it); used by tests and after logout in another tab. */
export function reloadMatrixSessionFromStorage(): void {
  const s = loadStoredSession()
  useMatrixSessionStore.setState({
    session: s?.session ?? null,
    remembered: s?.remembered ?? false,
    signedOutReason: s ? null : storedReason(),
  })
}
