import { FleetEventsView } from '@/features/fleet-events/components/fleet-events-view.tsx'

export function TimelineRoute() {
  return <FleetEventsView />
}
