import { useCallback } from 'react'
import { UserEvent, type MatrixClient } from 'matrix-js-sdk'
import { useT } from '@/lib/i18n/use-t.ts'
import { useTypedEventEmitterState } from '@/lib/matrix/use-typed-event-emitter.ts'
import { RegistryText } from '@/ui/registry-text.tsx'
import { chatMessages } from '../chat-messages.ts'
import { presenceKind, PRESENCE_LABEL } from '../model/member-presence.ts'
import { PresenceDot } from './presence-dot.tsx'

const PRESENCE_EVENTS = [UserEvent.Presence, UserEvent.CurrentlyActive, UserEvent.DisplayName] as const

/** A person's name with their presence dot, kept current (for views beside the chat: who is on an incident). */
export function PersonPresence({ client, userId }: { client: MatrixClient; userId: string }) {
  const t = useT(chatMessages)
  const read = useCallback(() => {
    const user = client.getUser(userId)
    return { presence: presenceKind(user), name: user?.displayName ?? userId }
  }, [client, userId])
  const { presence, name } = useTypedEventEmitterState(client, PRESENCE_EVENTS, read)
  return (
    <span className="inline-flex items-center gap-1" data-testid="person" data-user-id={userId}>
      <PresenceDot presence={presence} label={t(PRESENCE_LABEL[presence])} />
      <RegistryText value={name} className="font-medium" />
    </span>
  )
}
