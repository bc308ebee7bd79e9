import { useState } from 'react'

/**
 * A history query's data, or, while the query for a new window has none (it failed, or is still loading), the
 * last answer this node's window had: a window that moves on while the server cannot read its database
 * keeps the history on screen instead of emptying the page.
 */
export function useLastGood<T extends { nodeId: string } | null>(
  nodeId: string,
  data: T | undefined,
): T | undefined {
  const [last, setLast] = useState<T | undefined>(data)
  // Storing what the previous render saw (React's documented pattern): no effect, no extra commit.
  if (data !== undefined && data !== last) setLast(data)
  if (data !== undefined) return data
  return last === null || last?.nodeId === nodeId ? last : undefined
}
