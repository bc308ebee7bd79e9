import { useMemo } from 'react'
import { localViews } from '../model/local-incidents.ts'
import { useLocalIncidentsStore } from '../model/local-incidents-store.ts'
import { splitByState, type RoomIncidents } from '../model/room-incidents.ts'

/** The incidents the tab derived itself (no bot: no maintenance, nobody acknowledging). */
export function useLocalIncidents(): RoomIncidents {
  const local = useLocalIncidentsStore((s) => s.local)
  return useMemo(() => splitByState(localViews(local), new Map()), [local])
}
