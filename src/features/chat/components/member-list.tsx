import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatRelative } from '@/lib/time/format-time.ts'
import { useNow } from '@/lib/time/now-store.ts'
import { cn } from '@/lib/cn.ts'
import { chatMessages } from '../chat-messages.ts'
import { PRESENCE_LABEL, type MemberRow } from '../model/member-presence.ts'
import { Avatar } from './avatar.tsx'
import { PRESENCE_DOT } from './presence-dot.tsx'

/** The room's members with a presence dot and last-active time, online first. */
export function MemberList({
  members,
  me,
  presenceUnavailable = false,
}: {
  members: MemberRow[]
  me: string | null
  /** The homeserver gives no presence: no dots, and no member drawn as offline. */
  presenceUnavailable?: boolean
}) {
  const t = useT(chatMessages)
  const lang = useLang()
  const now = useNow()
  return (
    <ul aria-label={t('members')} className="flex flex-col gap-1 overflow-y-auto p-2">
      {presenceUnavailable && <li className="px-1 text-xs text-muted">{t('presenceUnavailableHint')}</li>}
      {members.map((m) => (
        <li
          key={m.userId}
          className="flex items-center gap-2 rounded px-1 py-1 text-sm"
          data-presence={presenceUnavailable ? 'unavailable' : m.presence}
        >
          <span className="relative">
            <Avatar userId={m.userId} name={m.name} size="sm" />
            {!presenceUnavailable && (
              <span
                aria-hidden="true"
                className={cn(
                  'absolute -bottom-0.5 -right-0.5 h-2.5 w-2.5 rounded-full ring-2 ring-raised',
                  PRESENCE_DOT[m.presence],
                )}
              />
            )}
          </span>
          <span className="min-w-0 flex-1">
            <span className="block truncate">
              <bdi>{m.name}</bdi> {m.userId === me && <span className="text-muted">{t('you')}</span>}
            </span>
            <span className="block truncate text-xs text-muted">
              {presenceUnavailable ? t('presenceUnavailable') : t(PRESENCE_LABEL[m.presence])}
              {!presenceUnavailable &&
                m.lastActiveTs !== null &&
                m.presence !== 'online' &&
                ` · ${t('lastActive', { time: formatRelative(m.lastActiveTs, now, lang) })}`}
            </span>
          </span>
        </li>
      ))}
    </ul>
  )
}
