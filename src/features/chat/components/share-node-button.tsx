import { useLang } from '@/lib/i18n/i18n-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { formatDateTime } from '@/lib/time/format-time.ts'
import { Button } from '@/ui/button.tsx'
import { chatMessages } from '../chat-messages.ts'
import { useShareToRoom } from '../hooks/use-share-to-room.ts'

/** What "share to room" says about a node. */
export interface SharedNode {
  name: string
  /** Already in words ("online", "stale"…), as the page shows it. */
  liveness: string
  /** ms since epoch, or null when the node never sent one. */
  lastHeartbeat: number | null
  /** Absolute link to the node's page. */
  url: string
}

/**
 * "Share to chat" for the node page: posts the node's status as an `m.notice` to the team room, so the
 * team can talk about it. Disabled (with the reason) while signed out of the chat.
 */
export function ShareNodeButton({ node }: { node: SharedNode }) {
  const t = useT(chatMessages)
  const lang = useLang()
  const { share, state, canShare } = useShareToRoom()
  const body = t('shareText', {
    name: node.name,
    liveness: node.liveness,
    heartbeat: node.lastHeartbeat === null ? t('never') : formatDateTime(node.lastHeartbeat, lang),
    url: node.url,
  })
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        onClick={() => void share(body)}
        disabled={!canShare || state.status === 'sending'}
        title={canShare ? undefined : t('shareNeedsLogin')}
      >
        {state.status === 'sending' ? t('sharing') : t('share')}
      </Button>
      <span role="status" className="text-xs text-muted">
        {!canShare && t('shareNeedsLogin')}
        {state.status === 'sent' && t('shared')}
        {state.status === 'error' && t('shareFailed', { message: state.message })}
      </span>
    </span>
  )
}
