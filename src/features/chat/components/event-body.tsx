import { EventType, MsgType, type MatrixClient, type MatrixEvent, type Room } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { chatMessages } from '../chat-messages.ts'
import { readImageContent } from '../model/image-content.ts'
import { mentionedUserIds } from '../model/mentions.ts'
import { stripReplyFallback } from '../model/relations.ts'
import { sanitizeMatrixHtmlToFragment } from '../model/sanitize-html.ts'
import { MessageImage } from './message-image.tsx'
import { MentionText, renderMatrixNodes, type MentionContext } from './message-text.tsx'

const TEXT_TYPES: unknown[] = [MsgType.Text, MsgType.Notice, MsgType.Emote]

/** Display name → user id of the users a message mentions, so their names in its text become pills. */
function mentionedNames(room: Room, content: Record<string, unknown>) {
  const names = new Map<string, string>()
  for (const id of mentionedUserIds(content) ?? []) {
    const name = room.getMember(id)?.name
    if (name && name !== id) names.set(name, id)
  }
  return names
}

/**
 * The content of one event: text, notice or emote (HTML only through the sanitizer, then built as React
 * elements with mention pills), an image thumbnail, and a clear placeholder for encrypted, redacted and any
 * other event type.
 */
export function EventBody({
  client,
  room,
  event,
  senderName,
}: {
  client: MatrixClient
  room: Room
  event: MatrixEvent
  senderName: string
}) {
  const t = useT(chatMessages)
  const placeholder = (text: string) => <p className="text-sm italic text-muted">{text}</p>
  if (event.isRedacted()) return placeholder(t('redacted'))
  const type = event.getType()
  if (type === (EventType.RoomMessageEncrypted as string)) return placeholder(t('encrypted'))
  if (type !== (EventType.RoomMessage as string)) return placeholder(t('unsupported', { type }))
  const content: Record<string, unknown> = event.getContent()
  const msgtype = content.msgtype
  const body = stripReplyFallback(typeof content.body === 'string' ? content.body : '')
  if (msgtype === MsgType.Image) {
    const image = readImageContent(content)
    if (image) return <MessageImage client={client} image={image} />
  }
  if (!TEXT_TYPES.includes(msgtype)) {
    return placeholder(t('unsupported', { type: typeof msgtype === 'string' ? msgtype : type }))
  }
  const ctx: MentionContext = { room, me: client.getUserId(), names: mentionedNames(room, content) }
  const html =
    content.format === 'org.matrix.custom.html' && typeof content.formatted_body === 'string'
      ? sanitizeMatrixHtmlToFragment(content.formatted_body)
      : null
  const className = msgtype === MsgType.Notice ? 'text-sm text-muted' : 'text-sm text-fg'
  const inner = html ? (
    <bdi
      data-testid="event-body"
      className="matrix-html emoji-text block break-words [&_a]:text-accent [&_a]:underline [&_code]:font-mono [&_pre]:overflow-x-auto"
    >
      {renderMatrixNodes(html.childNodes, ctx)}
    </bdi>
  ) : (
    <bdi data-testid="event-body" className="emoji-text block whitespace-pre-wrap break-words">
      <MentionText text={body} ctx={ctx} />
    </bdi>
  )
  if (msgtype === MsgType.Emote) {
    return (
      <p className={`${className} italic`} data-msgtype="emote">
        * <bdi>{senderName}</bdi> {inner}
      </p>
    )
  }
  return (
    <div className={className} data-msgtype={msgtype === MsgType.Notice ? 'notice' : 'text'}>
      {inner}
    </div>
  )
}
