export function ChatRoute() {
  return <h1 className="p-4 text-xl font-semibold">Chat</h1>
}
