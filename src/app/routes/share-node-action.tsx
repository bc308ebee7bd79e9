import { useNode } from '@/entities/node/api/get-node.ts'
import { livenessOf } from '@/entities/node/model/liveness.ts'
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
  const { data } = useNode(nodeId)
  if (data?.kind !== 'ok') return null
  const node = data.node
  const liveness = livenessOf(node.last_heartbeat, now, thresholds)
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
