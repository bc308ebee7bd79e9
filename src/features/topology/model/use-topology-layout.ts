import { useEffect, useMemo, useRef, useState } from 'react'
import { computeLayout, layoutKey, type LayoutInput, type TopologyLayout } from './layout.ts'
import type { LayoutRequest, LayoutResponse } from './layout.worker.ts'

/** From this many nodes on, the layout runs in a Web Worker instead of on the main thread. */
export const WORKER_LAYOUT_THRESHOLD = 1500

/**
 * The layout for `input`, recomputed only when `layoutKey(input)` changes (membership, hubs, the user's
 * expand and collapse), never on a heartbeat. Large fleets are laid out in a Web Worker; until its first
 * answer the hook returns null, and later it keeps the previous layout until the new one arrives.
 */
export function useTopologyLayout(input: LayoutInput): TopologyLayout | null {
  const key = layoutKey(input)
  // Every poll builds a new input with the same key, and the same key means the same layout: hold on to the
  // first input of each key, so the layout below is computed once per key.
  const [held, setHeld] = useState({ key, input })
  if (held.key !== key) setHeld({ key, input })
  const keyed = held.key === key ? held.input : input
  const offThread = keyed.nodes.length >= WORKER_LAYOUT_THRESHOLD && typeof Worker !== 'undefined'
  const syncLayout = useMemo(() => (offThread ? null : computeLayout(keyed)), [keyed, offThread])

  const [workerLayout, setWorkerLayout] = useState<TopologyLayout | null>(null)
  const workerRef = useRef<Worker | null>(null)
  const seqRef = useRef(0)

  useEffect(() => {
    if (!offThread) return
    let worker = workerRef.current
    if (!worker) {
      worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' })
      workerRef.current = worker
    }
    const seq = ++seqRef.current
    const onMessage = (e: MessageEvent<LayoutResponse>) => {
      if (e.data.seq === seqRef.current) setWorkerLayout(e.data.layout)
    }
    worker.addEventListener('message', onMessage)
    const request: LayoutRequest = { seq, input: keyed }
    worker.postMessage(request)
    return () => worker.removeEventListener('message', onMessage)
  }, [keyed, offThread])

  useEffect(
    () => () => {
      workerRef.current?.terminate()
      workerRef.current = null
    },
    [],
  )

  return offThread ? workerLayout : syncLayout
}
