import type { ReactNode } from 'react'
import { VisibleId } from '@/ui/registry-text.tsx'

/** How the incident views draw people and threads. */
export interface IncidentPeople {
  renderPerson: (userId: string) => ReactNode
  nameOf: (userId: string) => string
  renderThread: (rootId: string) => ReactNode
}

/** Without the room's client (derived incidents, or before it starts): plain ids, no threads. */
export const plainPeople: IncidentPeople = {
  renderPerson: (userId) => <VisibleId value={userId} />,
  nameOf: (userId) => userId,
  renderThread: () => null,
}
