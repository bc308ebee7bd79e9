import { lazy, Suspense } from 'react'
import { useLocalIncidents } from '@/features/incidents/hooks/use-local-incidents.ts'
import { useConfig } from '@/lib/config/config-context.tsx'
import { isDemoHomeserver } from '@/lib/config/runtime-config.ts'
import { DEMO_ROOM_ALIAS, demoHomeserverUrl } from '@/lib/matrix/demo-homeserver.ts'
import { plainPeople } from './plain-people.tsx'
import type { IncidentsRender } from './incidents-source.tsx'

// The room's incidents need the Matrix SDK: loaded only where a bot posts them, never for the derived ones.
const RoomIncidentsSource = lazy(() =>
  import('./incidents-source.tsx').then((m) => ({ default: m.RoomIncidentsSource })),
)

/**
 * Incidents for a view, from wherever they come: the team room when a bot posts there (`config.incidents`),
 * else the tab's own derivation from the fleet data (and the view says nobody is notified).
 */
export function IncidentsArea({ children }: { children: IncidentsRender }) {
  const config = useConfig()
  const botUserId = config.incidents?.botUserId
  const room = config.chatRoom ?? (isDemoHomeserver(config) ? DEMO_ROOM_ALIAS : undefined)
  if (!botUserId || !room) return <LocalIncidents>{children}</LocalIncidents>
  return (
    <Suspense fallback={children({ status: 'loading' }, plainPeople)}>
      <RoomIncidentsSource
        homeserverUrl={config.homeserverUrl ?? demoHomeserverUrl()}
        room={room}
        botUserId={botUserId}
      >
        {children}
      </RoomIncidentsSource>
    </Suspense>
  )
}

function LocalIncidents({ children }: { children: IncidentsRender }) {
  const data = useLocalIncidents()
  return children({ status: 'ready', data, actions: null, local: true }, plainPeople)
}
