export function TimelineRoute() {
  return <h1 className="p-4 text-xl font-semibold">Events</h1>
}
