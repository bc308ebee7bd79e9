import { useT } from '@/lib/i18n/use-t.ts'
import { chatMessages } from '../chat-messages.ts'

/** "Олена is typing…" under the timeline; an empty live region otherwise, so changes are announced. */
export function TypingIndicator({ names }: { names: string[] }) {
  const t = useT(chatMessages)
  let text = ''
  if (names.length === 1) text = t('typingOne', { name: names[0] ?? '' })
  else if (names.length === 2) text = t('typingTwo', { a: names[0] ?? '', b: names[1] ?? '' })
  else if (names.length > 2) text = t('typingMany')
  return (
    <p aria-live="polite" className="h-5 truncate px-3 text-xs italic text-muted">
      {text}
    </p>
  )
}
