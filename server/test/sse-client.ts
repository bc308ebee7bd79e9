/** A test's view of an SSE stream: the frames as they arrive, parsed the way EventSource reads them. */
export interface SseFrame {
  id?: string
  event?: string
  data?: string
  retry?: number
  comment?: string
}

export interface SseStream {
  frames: SseFrame[]
  status: number
  /** Resolves with the first frame from `from` on that matches, or rejects after `timeoutMs`. */
  waitFor(match: (f: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>
  close(): void
}

export async function openStream(url: string, lastEventId?: string): Promise<SseStream> {
  const abort = new AbortController()
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...(lastEventId && { 'last-event-id': lastEventId }) },
    signal: abort.signal,
  })
  const frames: SseFrame[] = []
  const listeners = new Set<() => void>()
  void (async () => {
    if (!res.body) return
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const frame: SseFrame = {}
          for (const line of block.split('\n')) {
            const i = line.indexOf(':')
            const field = i < 0 ? line : line.slice(0, i)
            const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '')
            if (field === '') frame.comment = value
            else if (field === 'data')
              frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`
            else if (field === 'retry') frame.retry = Number(value)
            else if (field === 'id' || field === 'event') frame[field] = value
          }
          frames.push(frame)
          for (const l of listeners) l()
        }
      }
    } catch {
      // Closed by the test.
    }
  })()
  return {
    frames,
    status: res.status,
    waitFor(match, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(match)
          if (!found) return false
          listeners.delete(check)
          clearTimeout(timer)
          resolve(found)
          return true
        }
        const timer = setTimeout(() => {
          listeners.delete(check)
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${frames.length} frames`))
        }, timeoutMs)
        if (!check()) listeners.add(check)
      })
    },
    close: () => abort.abort(),
  }
}
