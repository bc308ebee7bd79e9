import { NodeIncidentPanel } from '@/features/incidents/components/node-incident-panel.tsx'
import { IncidentsArea } from '../incidents/incidents-area.tsx'

/** The node page's incident banner, maintenance and "I'm on it", composed in by the app. */
export function NodeIncidentsSlot({ nodeId }: { nodeId: string }) {
  return (
    <IncidentsArea>
      {(source, people) => (
        <NodeIncidentPanel
          nodeId={nodeId}
          source={source}
          renderPerson={people.renderPerson}
          nameOf={people.nameOf}
        />
      )}
    </IncidentsArea>
  )
}
