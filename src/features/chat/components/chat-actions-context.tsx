import { createContext, useContext } from 'react'
import type { MatrixEvent } from 'matrix-js-sdk'

/** What a message's actions can ask of the room view: reply, edit, open its thread, jump to an event. */
export interface ChatActions {
  replyTo: (event: MatrixEvent) => void
  edit: (event: MatrixEvent) => void
  openThread: (rootId: string) => void
  jumpTo: (eventId: string) => void
}

const ChatActionsContext = createContext<ChatActions | null>(null)

export const ChatActionsProvider = ChatActionsContext.Provider

/** The room view's actions; null outside it (a thread panel's events offer fewer). */
export function useChatActions(): ChatActions | null {
  return useContext(ChatActionsContext)
}
