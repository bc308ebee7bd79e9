import { useCallback } from 'react'
import { useNavigate } from 'react-router'
import type { IncidentsSource } from '@/features/incidents/components/incidents-view.tsx'
import { useIncidentAlerts } from '@/features/incidents/hooks/use-incident-alerts.ts'
import { useLocalIncidentFeed } from '@/features/incidents/hooks/use-local-incident-feed.ts'
import { useConfig } from '@/lib/config/config-context.tsx'
import { useMatrixSessionStore } from '@/lib/matrix/matrix-session-store.ts'
import { IncidentsArea } from './incidents-area.tsx'

/**
 * The tab's watch on incidents, beside every view: derives them when no bot does, counts the open ones in
 * the title and the navigation, and notifies new ones. Loaded after the first paint (lazy in the layout).
 */
export function IncidentWatcher() {
  const config = useConfig()
  const signedIn = useMatrixSessionStore((s) => s.session !== null)
  if (!config.incidents) {
    return (
      <>
        <LocalFeed />
        <IncidentsArea>{(source) => <Alerts source={source} />}</IncidentsArea>
      </>
    )
  }
  // Signed out, the room cannot be read: no count rather than a client started for nothing.
  if (!signedIn) return null
  return <IncidentsArea>{(source) => <Alerts source={source} />}</IncidentsArea>
}

function LocalFeed() {
  useLocalIncidentFeed()
  return null
}

function Alerts({ source }: { source: IncidentsSource }) {
  const navigate = useNavigate()
  const onOpen = useCallback(
    (id: string) => void navigate({ pathname: '/incidents', hash: `incident-${id}` }),
    [navigate],
  )
  useIncidentAlerts(source.status === 'ready' ? source.data.open : null, onOpen)
  return null
}
