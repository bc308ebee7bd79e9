import { MatrixChatArea } from './chat/matrix-chat-area.tsx'

/** The chat side panel beside every view (loaded lazily by the layout when first opened). */
export function ChatPanel() {
  return <MatrixChatArea />
}
