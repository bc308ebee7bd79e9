import { FleetToolbar } from '@/features/overview/components/fleet-toolbar.tsx'
import { TopologyView } from '@/features/topology/components/topology-view.tsx'

/** The topology shares the overview's filters: the same toolbar, bound to the same URL parameters. */
export function TopologyRoute() {
  return (
    <div className="flex h-full min-h-0 flex-col">
      <FleetToolbar />
      <TopologyView />
    </div>
  )
}
