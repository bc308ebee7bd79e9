import { TimelineView } from '@/features/timeline/components/timeline-view.tsx'

export function TimelineRoute() {
  return <TimelineView />
}
