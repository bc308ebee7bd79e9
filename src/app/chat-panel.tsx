import { MatrixChatArea } from './chat/matrix-chat-area.tsx'

// The idle prefetch (chat/prefetch-chat.ts) reaches the SDK through this lazy chunk, not the first load.
export { warmChat } from './chat/warm-chat.ts'
export { MentionWatcher } from './chat/mention-watcher.tsx'

/** The chat side panel beside every view (loaded lazily by the layout when first opened). */
export function ChatPanel() {
  return <MatrixChatArea />
}
