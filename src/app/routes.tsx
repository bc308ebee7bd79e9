import { lazy, Suspense } from 'react'
import { Route, Routes } from 'react-router'
import { LazyChatRoute } from './lazy/lazy-chat-route.ts'
import { AppLayout } from './layout/app-layout.tsx'
import { RouteFallback } from './layout/route-fallback.tsx'
import { OverviewRoute } from './routes/overview-route.tsx'

// The overview is what most visits open, so it is in the first bundle; every other view loads on demand.
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
        <Route
          path="nodes/:nodeId"
          element={
            <Suspense fallback={<RouteFallback />}>
              <NodeRoute />
            </Suspense>
          }
        />
        <Route
          path="topology"
          element={
            <Suspense fallback={<RouteFallback />}>
              <TopologyRoute />
            </Suspense>
          }
        />
        <Route
          path="timeline"
          element={
            <Suspense fallback={<RouteFallback />}>
              <TimelineRoute />
            </Suspense>
          }
        />
        <Route
          path="incidents"
          element={
            <Suspense fallback={<RouteFallback />}>
              <IncidentsRoute />
            </Suspense>
          }
        />
        <Route
          path="chat"
          element={
            <Suspense fallback={<RouteFallback />}>
              <LazyChatRoute />
            </Suspense>
          }
        />
        <Route
          path="*"
          element={
            <Suspense fallback={<RouteFallback />}>
              <NotFoundRoute />
            </Suspense>
          }
        />
      </Route>
    </Routes>
  )
}
