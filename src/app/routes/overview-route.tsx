import { FleetOverview } from '@/features/nodes/components/overview/fleet-overview.tsx'

export function OverviewRoute() {
  return <FleetOverview />
}
