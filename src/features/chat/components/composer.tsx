import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { MatrixClient, Room } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { Button } from '@/ui/button.tsx'
import { chatMessages } from '../chat-messages.ts'
import { useComposerDraft } from '../hooks/use-composer-draft.ts'
import { TYPING_TIMEOUT_MS, TypingNotifier } from '../model/typing-notifier.ts'

/**
 * The message box: Enter sends, Shift+Enter breaks the line, the draft survives a reload, typing notices
 * are throttled (and not sent while activity signals are not allowed).
 */
export function Composer({
  client,
  room,
  activityAllowed,
}: {
  client: MatrixClient
  room: Room
  activityAllowed: boolean
}) {
  const t = useT(chatMessages)
  const [draft, setDraft] = useComposerDraft(room.roomId)
  const notifier = useRef<TypingNotifier | null>(null)
  const allowed = useRef(activityAllowed)
  useEffect(() => {
    allowed.current = activityAllowed
  }, [activityAllowed])

  useEffect(() => {
    const n = new TypingNotifier((typing) => {
      void client.sendTyping(room.roomId, typing, TYPING_TIMEOUT_MS).catch(() => undefined)
    })
    notifier.current = n
    return () => {
      n.stop()
    }
  }, [client, room])

  // Going idle or hidden ends the typing notice the others see.
  useEffect(() => {
    if (!activityAllowed) notifier.current?.stop()
  }, [activityAllowed])

  function send() {
    const body = draft.trim()
    if (!body) return
    notifier.current?.stop()
    setDraft('')
    // Local echo appears at once; the SDK's queue keeps order and retries while offline (see send-retry.ts).
    void client.sendTextMessage(room.roomId, body).catch(() => undefined)
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      send()
    }
  }

  return (
    <form
      className="flex items-end gap-2 border-t border-border p-2"
      onSubmit={(e) => {
        e.preventDefault()
        send()
      }}
    >
      <label className="sr-only" htmlFor={`composer-${room.roomId}`}>
        {t('composer')}
      </label>
      <textarea
        id={`composer-${room.roomId}`}
        value={draft}
        rows={Math.min(6, Math.max(1, draft.split('\n').length))}
        placeholder={t('composerPlaceholder')}
        onChange={(e) => {
          setDraft(e.target.value)
          notifier.current?.input(e.target.value, allowed.current)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => notifier.current?.stop()}
        className="min-h-9 flex-1 resize-none rounded-md border border-border bg-surface px-3 py-1.5 text-sm text-fg focus-visible:outline-2 focus-visible:outline-accent"
      />
      <Button type="submit" variant="primary" disabled={!draft.trim()}>
        {t('send')}
      </Button>
    </form>
  )
}
