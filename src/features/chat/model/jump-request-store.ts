import { create } from 'zustand'

interface JumpRequestState {
  /** A message the room view should scroll to once it has it (a clicked mention notification). */
  eventId: string | null
  /** Someone asked to see this message, e.g. by clicking its notification in another view. */
  jumpRequested: (eventId: string) => void
  /** The room view scrolled to it. */
  jumpDone: () => void
}

export const useJumpRequestStore = create<JumpRequestState>()((set) => ({
  eventId: null,
  jumpRequested: (eventId) => set({ eventId }),
  jumpDone: () => set({ eventId: null }),
}))
