import { useState } from 'react'
import { useParams } from 'react-router'
import type { TimeWindow } from '@/entities/node/model/outages.ts'
import { NodePage } from '@/features/node-page/components/node-page.tsx'
import { NodeIncidentsSlot } from './node-incidents-slot.tsx'
import { ShareNodeAction } from './share-node-action.tsx'

/** `/nodes/:nodeId`: the node page, with the chat's "share to room" and the node's incidents. */
export function NodeRoute() {
  const { nodeId = '' } = useParams()
  // A new node id is a new page: remount, so no state (highlighted beat, chosen range) leaks across nodes.
  return <NodeRoutePage key={nodeId} nodeId={nodeId} />
}

function NodeRoutePage({ nodeId }: { nodeId: string }) {
  const [maintenance, setMaintenance] = useState<readonly TimeWindow[]>([])
  return (
    <NodePage
      nodeId={nodeId}
      actions={<ShareNodeAction nodeId={nodeId} />}
      incidents={<NodeIncidentsSlot nodeId={nodeId} onMaintenance={setMaintenance} />}
      maintenance={maintenance}
    />
  )
}
