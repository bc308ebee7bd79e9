import { useNodeEntry } from '@/entities/node/api/use-node-entry.ts'
import { livenessAsKnown } from '@/entities/node/model/liveness.ts'
import { useThresholds } from '@/entities/node/model/use-thresholds.ts'
import { nodeMessages } from '@/entities/node/ui/node-messages.ts'
import { ShareNodeButton } from '@/features/chat/components/share-node-button.tsx'
import { useT } from '@/lib/i18n/use-t.ts'
import { useNow } from '@/lib/time/now-store.ts'

/**
 * The node page's "share to room": the node's name, derived liveness, last heartbeat and a link to its page,
 * posted by the chat feature as a notice. Reads the node from the query the page already holds (no request).
 */
export function ShareNodeAction({ nodeId }: { nodeId: string }) {
  const thresholds = useThresholds()
  const t = useT(nodeMessages)
  const now = useNow()
  const { entry, readAt } = useNodeEntry(nodeId)
  if (entry?.kind !== 'ok') return null
  const node = entry.node
  const liveness = livenessAsKnown(node.last_heartbeat, now, thresholds, readAt)
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
