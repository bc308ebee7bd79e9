import { useCallback, useState } from 'react'

const key = (roomId: string) => `node-console.chat.draft.${roomId}`

function read(roomId: string): string {
  try {
    return window.localStorage.getItem(key(roomId)) ?? ''
  } catch {
    return ''
  }
}

/** The composer's text for a room, kept in localStorage so a reload (or a crash) does not lose it. */
export function useComposerDraft(roomId: string): [string, (text: string) => void] {
  const [draft, setDraftState] = useState(() => ({ roomId, text: read(roomId) }))
  const text = draft.roomId === roomId ? draft.text : read(roomId)
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
