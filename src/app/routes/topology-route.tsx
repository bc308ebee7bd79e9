export function TopologyRoute() {
  return <h1 className="p-4 text-xl font-semibold">Topology</h1>
}
