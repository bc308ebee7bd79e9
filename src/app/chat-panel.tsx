export function ChatPanel() {
  return <p className="p-4">Chat</p>
}
