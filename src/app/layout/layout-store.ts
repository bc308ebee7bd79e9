import { create } from 'zustand'

const KEY = 'node-console.chat-panel'

function initialOpen(): boolean {
  try {
    return localStorage.getItem(KEY) === 'open'
  } catch {
    return false
  }
}

interface LayoutState {
  chatPanelOpen: boolean
  /** The user opened or closed the chat side panel; remembered in this browser. */
  chatPanelToggled: () => void
}

export const useLayoutStore = create<LayoutState>()((set, get) => ({
  chatPanelOpen: initialOpen(),
  chatPanelToggled: () => {
    const next = !get().chatPanelOpen
    try {
      localStorage.setItem(KEY, next ? 'open' : 'closed')
    } catch {
      // Not remembered; still toggled.
    }
    set({ chatPanelOpen: next })
  },
}))
