import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { MatrixClient, MatrixEvent, Room } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { Button } from '@/ui/button.tsx'
import { chatMessages } from '../chat-messages.ts'
import { useComposerDraft } from '../hooks/use-composer-draft.ts'
import { TYPING_TIMEOUT_MS, TypingNotifier } from '../model/typing-notifier.ts'
import { withFormatting } from '../model/markdown.ts'
import { bodyOf, editContent, replyContent, threadReplyContent } from '../model/relations.ts'
import { readingMessages } from '../reading-messages.ts'
import { ComposerTargetBar } from './composer-target-bar.tsx'

/** The SDK's message content type (its last `sendMessage` overload's content). */
type MessageContent = Parameters<MatrixClient['sendMessage']>[2]

/** What the next message answers: a reply to a message, an edit of mine, or a reply in a thread. */
export type ComposerTarget =
  | { kind: 'reply'; event: MatrixEvent }
  | { kind: 'edit'; event: MatrixEvent }
  | { kind: 'thread'; rootId: string; lastId: string }

function draftKeyOf(roomId: string, target: ComposerTarget | null) {
  if (target?.kind === 'edit') return `${roomId}:edit:${target.event.getId() ?? ''}`
  if (target?.kind === 'thread') return `${roomId}:thread:${target.rootId}`
  return roomId
}

/**
 * The message box: Enter sends, Shift+Enter breaks the line, the draft survives a reload, typing notices
 * are throttled (and not sent while activity signals are not allowed).
 */
export function Composer({
  client,
  room,
  activityAllowed,
  target = null,
  onTargetDone,
  label,
}: {
  client: MatrixClient
  room: Room
  activityAllowed: boolean
  target?: ComposerTarget | null
  /** The reply or edit was sent or cancelled (a thread's target stays). */
  onTargetDone?: () => void
  label?: string
}) {
  const t = useT(chatMessages)
  const tr = useT(readingMessages)
  const [draft, setDraft] = useComposerDraft(
    draftKeyOf(room.roomId, target),
    target?.kind === 'edit' ? bodyOf(target.event.getContent()) : '',
  )
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
    const sent =
      target?.kind === 'thread'
        ? client.sendMessage(
            room.roomId,
            target.rootId,
            asContent(threadReplyContent(body, target.rootId, target.lastId)),
          )
        : target
          ? client.sendMessage(
              room.roomId,
              asContent(
                target.kind === 'reply'
                  ? replyContent(body, target.event.getId() ?? '')
                  : editContent(body, target.event.getId() ?? ''),
              ),
            )
          : client.sendMessage(room.roomId, asContent({ msgtype: 'm.text', body }))
    sent.catch(() => undefined)
    if (target?.kind !== 'thread') onTargetDone?.()
  }

  // The SDK's typed content map cannot know a reply's or an edit's relation fields: they are spec shapes.
  // Every message goes out with its Markdown as HTML and its mentions.
  const asContent = (c: Record<string, unknown>) => withFormatting(c) as unknown as MessageContent

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      send()
    }
  }

  const id = `composer-${draftKeyOf(room.roomId, target)}`
  return (
    <form
      className="flex flex-col border-t border-border p-2"
      onSubmit={(e) => {
        e.preventDefault()
        send()
      }}
    >
      {target && target.kind !== 'thread' && (
        <ComposerTargetBar room={room} target={target} onCancel={() => onTargetDone?.()} />
      )}
      <div className="flex items-end gap-2">
        <label className="sr-only" htmlFor={id}>
          {label ?? t('composer')}
        </label>
        <span className="sr-only" id={`${id}-hint`}>
          {tr('composerFull')}
        </span>
        <textarea
          id={id}
          value={draft}
          rows={Math.min(6, Math.max(1, draft.split('\n').length))}
          // A short placeholder that never wraps in a narrow panel; the keys are in the description.
          placeholder={tr('composerShort')}
          title={tr('composerFull')}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setDraft(e.target.value)
            notifier.current?.input(e.target.value, allowed.current)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && target && target.kind !== 'thread') onTargetDone?.()
            else onKeyDown(e)
          }}
          onBlur={() => notifier.current?.stop()}
          className="emoji-text min-h-9 min-w-0 placeholder:truncate flex-1 resize-none rounded-md border border-border bg-surface px-3 py-1.5 text-sm text-fg focus-visible:outline-2 focus-visible:outline-accent"
        />
        <Button type="submit" variant="primary" disabled={!draft.trim()}>
          {t('send')}
        </Button>
      </div>
    </form>
  )
}
