import { EventType, MsgType, type MatrixEvent } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { chatMessages } from '../chat-messages.ts'
import { stripReplyFallback } from '../model/relations.ts'
import { sanitizeMatrixHtml } from '../model/sanitize-html.ts'

/**
 * The content of one event: text, notice or emote (HTML only through the sanitizer), and a clear
 * placeholder for encrypted, redacted and any other event type.
 */
export function EventBody({ event, senderName }: { event: MatrixEvent; senderName: string }) {
  const t = useT(chatMessages)
  const placeholder = (text: string) => <p className="text-sm italic text-muted">{text}</p>
  if (event.isRedacted()) return placeholder(t('redacted'))
  const type = event.getType()
  if (type === (EventType.RoomMessageEncrypted as string)) return placeholder(t('encrypted'))
  if (type !== (EventType.RoomMessage as string)) return placeholder(t('unsupported', { type }))
  const content: Record<string, unknown> = event.getContent()
  const msgtype = content.msgtype
  const body = stripReplyFallback(typeof content.body === 'string' ? content.body : '')
  if (msgtype !== MsgType.Text && msgtype !== MsgType.Notice && msgtype !== MsgType.Emote) {
    return placeholder(t('unsupported', { type: typeof msgtype === 'string' ? msgtype : type }))
  }
  const html =
    content.format === 'org.matrix.custom.html' && typeof content.formatted_body === 'string'
      ? sanitizeMatrixHtml(content.formatted_body)
      : null
  const className = msgtype === MsgType.Notice ? 'text-sm text-muted' : 'text-sm text-fg'
  const inner = html ? (
    // The only raw HTML in the console: a formatted_body after the Matrix allow-list sanitizer.
    <bdi
      data-testid="event-body"
      className="matrix-html emoji-text block [&_a]:text-accent [&_a]:underline [&_code]:font-mono [&_pre]:overflow-x-auto"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  ) : (
    <bdi data-testid="event-body" className="emoji-text block whitespace-pre-wrap break-words">
      {body}
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
