import { useCallback, useState } from 'react'

const key = (roomId: string) => `node-console.chat.draft.${roomId}`

function read(roomId: string, initial: string): string {
  try {
    return window.localStorage.getItem(key(roomId)) ?? initial
  } catch {
    return initial
  }
}

/**
 * The composer's text for a room (or a room's thread, or an edit: any key), kept in localStorage so a
 * reload (or a crash) does not lose it; `initial` when nothing is kept (an edit starts from the message).
 */
export function useComposerDraft(roomId: string, initial = ''): [string, (text: string) => void] {
  const [draft, setDraftState] = useState(() => ({ roomId, text: read(roomId, initial) }))
  const text = draft.roomId === roomId ? draft.text : read(roomId, initial)
  const setDraft = useCallback(
    (t: string) => {
      setDraftState({ roomId, text: t })
      try {
        if (t) window.localStorage.setItem(key(roomId), t)
        else window.localStorage.removeItem(key(roomId))
      } catch {
        // Storage full or blocked: the draft lives only in memory.
      }
    },
    [roomId],
  )
  return [text, setDraft]
}
