import type { MatrixClient, Room } from 'matrix-js-sdk'
import { PersonPresence } from '@/features/chat/components/person-presence.tsx'
import { IncidentThread } from '@/features/incidents/components/incident-thread.tsx'
import type { IncidentPeople } from './plain-people.tsx'

/** People with the chat's presence dot and name; threads read from the room. */
export function roomPeople(client: MatrixClient, room: Room): IncidentPeople {
  const nameOf = (userId: string) => client.getUser(userId)?.displayName ?? userId
  return {
    renderPerson: (userId) => <PersonPresence client={client} userId={userId} />,
    nameOf,
    renderThread: (rootId) => <IncidentThread room={room} rootId={rootId} nameOf={nameOf} />,
  }
}
