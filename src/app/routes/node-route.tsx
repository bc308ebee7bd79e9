export function NodeRoute() {
  return <h1 className="p-4 text-xl font-semibold">Node</h1>
}
