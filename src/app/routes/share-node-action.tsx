import { useNodeEntry } from '@/entities/node/api/use-node-entry.ts'
import { livenessAsKnown, thresholdsFromConfig, type Liveness } from '@/entities/node/model/liveness.ts'
import { ShareNodeButton } from '@/features/chat/components/share-node-button.tsx'
import { useConfig } from '@/lib/config/config-context.tsx'
import { defineMessages, useT } from '@/lib/i18n/use-t.ts'
import { useNow } from '@/lib/time/now-store.ts'

const livenessWords = defineMessages<Liveness>({
  uk: {
    online: 'онлайн',
    stale: 'затримується',
    offline: 'офлайн',
    unknown: 'невідомо',
    unreachable: 'невідомо (реєстр недоступний)',
  },
  en: {
    online: 'online',
    stale: 'stale',
    offline: 'offline',
    unknown: 'unknown',
    unreachable: 'unknown (registry unreachable)',
  },
})

/**
 * The node page's "share to room": the node's name, derived liveness, last heartbeat and a link to its page,
 * posted by the chat feature as a notice. Reads the node from the query the page already holds (no request).
 */
export function ShareNodeAction({ nodeId }: { nodeId: string }) {
  const config = useConfig()
  const t = useT(livenessWords)
  const now = useNow()
  const { entry, readAt } = useNodeEntry(nodeId)
  if (entry?.kind !== 'ok') return null
  const node = entry.node
  const liveness = livenessAsKnown(node.last_heartbeat, now, thresholdsFromConfig(config), readAt)
  return (
    <ShareNodeButton
      node={{
        name: node.node_name ?? node.node_id,
        liveness: t(liveness),
        lastHeartbeat: node.last_heartbeat,
        url: new URL(`/nodes/${encodeURIComponent(node.node_id)}`, window.location.origin).toString(),
      }}
    />
  )
}
