import { useEffect } from 'react'
import type { TimeWindow } from '@/entities/node/model/outages.ts'
import type { IncidentsSource } from '@/features/incidents/components/incidents-view.tsx'
import { NodeIncidentPanel } from '@/features/incidents/components/node-incident-panel.tsx'
import { IncidentsArea } from '../incidents/incidents-area.tsx'

/**
 * The node page's incident banner, maintenance and "I'm on it", composed in by the app; it hands the node's
 * maintenance window up (`onMaintenance`) for the page's strip and uptime.
 */
export function NodeIncidentsSlot({
  nodeId,
  onMaintenance,
}: {
  nodeId: string
  onMaintenance: (windows: readonly TimeWindow[]) => void
}) {
  return (
    <IncidentsArea>
      {(source, people) => (
        <>
          <MaintenanceReport nodeId={nodeId} source={source} onMaintenance={onMaintenance} />
          <NodeIncidentPanel
            nodeId={nodeId}
            source={source}
            renderPerson={people.renderPerson}
            nameOf={people.nameOf}
          />
        </>
      )}
    </IncidentsArea>
  )
}

function MaintenanceReport({
  nodeId,
  source,
  onMaintenance,
}: {
  nodeId: string
  source: IncidentsSource
  onMaintenance: (windows: readonly TimeWindow[]) => void
}) {
  const m = source.status === 'ready' ? source.data.maintenance.get(nodeId) : undefined
  const from = m?.from
  const until = m?.until
  useEffect(() => {
    onMaintenance(from !== undefined && until !== undefined ? [{ start: from, end: until }] : [])
  }, [from, until, onMaintenance])
  return null
}
