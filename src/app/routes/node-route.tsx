import { useParams } from 'react-router'
import { NodePage } from '@/features/node-page/components/node-page.tsx'
import { NodeIncidentsSlot } from './node-incidents-slot.tsx'
import { ShareNodeAction } from './share-node-action.tsx'

/** `/nodes/:nodeId`: the node page, with the chat's "share to room" in its header. */
export function NodeRoute() {
  const { nodeId = '' } = useParams()
  // A new node id is a new page: remount, so no state (highlighted beat, chosen range) leaks across nodes.
  return (
    <NodePage
      key={nodeId}
      nodeId={nodeId}
      actions={<ShareNodeAction nodeId={nodeId} />}
      incidents={<NodeIncidentsSlot nodeId={nodeId} />}
    />
  )
}
