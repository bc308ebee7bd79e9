import { useMemo, type ReactNode } from 'react'
import type { MatrixClient, Room } from 'matrix-js-sdk'
import { useJoinedRoom } from '@/features/chat/hooks/use-joined-room.ts'
import type { IncidentsSource } from '@/features/incidents/components/incidents-view.tsx'
import { useIncidentActions } from '@/features/incidents/hooks/use-incident-actions.ts'
import { useRoomIncidents } from '@/features/incidents/hooks/use-room-incidents.ts'
import { MatrixClientProvider, useMatrixContext } from '@/lib/matrix/matrix-client-provider.tsx'
import { roomPeople } from './incident-people.tsx'
import { plainPeople, type IncidentPeople } from './plain-people.tsx'

/** What the incident views get: the source, and how to draw people and threads. */
export type IncidentsRender = (source: IncidentsSource, people: IncidentPeople) => ReactNode

/**
 * The room's incidents for a view: the tab's client (signed out, starting, failed), the team room joined
 * (the chat's own hook), then the incidents read from it. The bot is configured (`config.incidents`).
 */
export function RoomIncidentsSource({
  homeserverUrl,
  room,
  botUserId,
  children,
}: {
  homeserverUrl: string
  room: string
  botUserId: string
  children: IncidentsRender
}) {
  return (
    <MatrixClientProvider homeserverUrl={homeserverUrl}>
      <ClientGate room={room} botUserId={botUserId}>
        {children}
      </ClientGate>
    </MatrixClientProvider>
  )
}

function ClientGate({
  room,
  botUserId,
  children,
}: {
  room: string
  botUserId: string
  children: IncidentsRender
}) {
  const { session, client, startError } = useMatrixContext()
  if (!session) return children({ status: 'signed-out' }, plainPeople)
  if (startError)
    return children(
      { status: 'error', detail: startError.message, retry: () => window.location.reload() },
      plainPeople,
    )
  if (!client) return children({ status: 'loading' }, plainPeople)
  return (
    <RoomGate client={client} room={room} botUserId={botUserId}>
      {children}
    </RoomGate>
  )
}

function RoomGate({
  client,
  room,
  botUserId,
  children,
}: {
  client: MatrixClient
  room: string
  botUserId: string
  children: IncidentsRender
}) {
  const joined = useJoinedRoom(client, room)
  if (joined.status === 'loading') return children({ status: 'loading' }, plainPeople)
  if (joined.status === 'error')
    return children({ status: 'error', detail: joined.error.message, retry: joined.retry }, plainPeople)
  return (
    <ReadyGate client={client} room={joined.room} botUserId={botUserId}>
      {children}
    </ReadyGate>
  )
}

function ReadyGate({
  client,
  room,
  botUserId,
  children,
}: {
  client: MatrixClient
  room: Room
  botUserId: string
  children: IncidentsRender
}) {
  const data = useRoomIncidents(client, room, botUserId)
  const actions = useIncidentActions(client, room)
  const people = useMemo(() => roomPeople(client, room), [client, room])
  return children({ status: 'ready', data, actions, local: false }, people)
}
