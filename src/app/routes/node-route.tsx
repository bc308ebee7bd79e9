import { useParams } from 'react-router'
import { NodePage } from '@/features/nodes/components/node-page/node-page.tsx'

/** `/nodes/:nodeId`: the node page. The share-to-room action is composed here once the chat offers it. */
export function NodeRoute() {
  const { nodeId = '' } = useParams()
  // A new node id is a new page: remount, so no state (highlighted beat, chosen range) leaks across nodes.
  return <NodePage key={nodeId} nodeId={nodeId} />
}
