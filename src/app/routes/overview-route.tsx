import { FleetOverview } from '@/features/overview/components/fleet-overview.tsx'

export function OverviewRoute() {
  return <FleetOverview />
}
