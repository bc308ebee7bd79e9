import { IncidentsView } from '@/features/incidents/components/incidents-view.tsx'
import { FleetPoll } from '../incidents/fleet-poll.tsx'
import { IncidentsArea } from '../incidents/incidents-area.tsx'

/** `/incidents`: open and recent incidents, from the team room or derived by the tab. */
export function IncidentsRoute() {
  return (
    <IncidentsArea>
      {(source, people) => (
        <>
          {source.status === 'ready' && source.local && <FleetPoll />}
          <IncidentsView
            source={source}
            renderPerson={people.renderPerson}
            nameOf={people.nameOf}
            renderThread={(v) => (v.eventId ? people.renderThread(v.eventId) : null)}
          />
        </>
      )}
    </IncidentsArea>
  )
}
