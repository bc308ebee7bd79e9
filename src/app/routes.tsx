import { lazy } from 'react'
import { Route, Routes } from 'react-router'
import { LazyChatRoute } from './lazy/lazy-chat-route.ts'
import { AppLayout } from './layout/app-layout.tsx'
import { OverviewRoute } from './routes/overview-route.tsx'

// The overview is what most visits open, so it is in the first bundle; every other view loads on demand.
// One Suspense boundary holds them all, around the layout's outlet: a navigation (a transition) to a view
// still loading keeps the current one on screen until it is ready, instead of mounting a new boundary whose
// fallback React then holds for at least 300 ms after the view has arrived.
const NodeRoute = lazy(() => import('./routes/node-route.tsx').then((m) => ({ default: m.NodeRoute })))
const TopologyRoute = lazy(() =>
  import('./routes/topology-route.tsx').then((m) => ({ default: m.TopologyRoute })),
)
const TimelineRoute = lazy(() =>
  import('./routes/timeline-route.tsx').then((m) => ({ default: m.TimelineRoute })),
)
const IncidentsRoute = lazy(() =>
  import('./routes/incidents-route.tsx').then((m) => ({ default: m.IncidentsRoute })),
)
const NotFoundRoute = lazy(() =>
  import('./routes/not-found-route.tsx').then((m) => ({ default: m.NotFoundRoute })),
)

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<OverviewRoute />} />
        <Route path="nodes/:nodeId" element={<NodeRoute />} />
        <Route path="topology" element={<TopologyRoute />} />
        <Route path="timeline" element={<TimelineRoute />} />
        <Route path="incidents" element={<IncidentsRoute />} />
        <Route path="chat" element={<LazyChatRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  )
}
