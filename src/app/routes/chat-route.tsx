import { useT } from '@/lib/i18n/use-t.ts'
import { chatAreaMessages } from '../chat/chat-area-messages.ts'
import { MatrixChatArea } from '../chat/matrix-chat-area.tsx'

/** The team room as a full page. */
export function ChatRoute() {
  const t = useT(chatAreaMessages)
  return (
    <div className="mx-auto flex h-full max-w-4xl flex-col">
      <h1 className="sr-only">{t('chatTitle')}</h1>
      <MatrixChatArea />
    </div>
  )
}
