export function OverviewRoute() {
  return <h1 className="p-4 text-xl font-semibold">Fleet overview</h1>
}
