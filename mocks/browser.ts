import type { AnyHandler } from 'msw'
import { DEMO_REGISTRY_PATH } from '@/entities/node/api/registry-http.ts'
import { isDemoHomeserver, isDemoRegistry, type RuntimeConfig } from '@/lib/config/runtime-config.ts'
import type { NodeConsoleDemo } from './demo-window.ts'

/**
 * Starts the demo: one MSW worker in the browser, serving the simulated registry when no registry URL is
 * configured, plus any `extraHandlers` (the simulated homeserver adds its own set here). Everything is
 * imported lazily: `main.tsx` loads this module only when a demo part is on, so live mode never loads MSW.
 * Requests no handler claims (a real homeserver, the app's own files) pass through untouched.
 */
export async function startDemo(
  config: RuntimeConfig,
  extraHandlers: readonly AnyHandler[] = [],
): Promise<void> {
  const demo: NodeConsoleDemo = {}
  const handlers: AnyHandler[] = []
  if (isDemoRegistry(config)) {
    const [{ createFleetSimulator }, { registryHandlers }] = await Promise.all([
      import('./registry/fleet-simulator.ts'),
      import('./registry/registry-handlers.ts'),
    ])
    const sim = createFleetSimulator({ seed: config.demo.seed, nodes: config.demo.nodes })
    demo.sim = sim
    handlers.push(...registryHandlers(sim, `${window.location.origin}${DEMO_REGISTRY_PATH}`))
  }
  if (isDemoHomeserver(config)) {
    // The simulated homeserver (chat and presence) under /demo-matrix, with two teammates.
    const { demoMatrixHandlers } = await import('./matrix/demo-matrix.ts')
    handlers.push(...demoMatrixHandlers(config.demo.seed))
  }
  handlers.push(...extraHandlers)
  if (handlers.length === 0) {
    window.__nodeConsoleDemo = demo
    return
  }
  const { defaultNetworkOptions, setupWorker } = await import('msw/browser')
  // MSW 3.0.5 builds `defaultNetworkOptions` as soon as msw/browser is imported: a second service-worker
  // source whose channel listens to every message from the worker but is never enabled, so each message
  // (every request and response, with their ports and bodies) waits forever on its never-settled worker
  // promise: about 3 KB of JS heap a request, 0.5 MB every 10 minutes of polling 1,000 nodes. setupWorker
  // does not use it; terminating it only removes that listener (it never registered a worker to unregister).
  for (const source of defaultNetworkOptions.sources) if ('terminate' in source) await source.terminate()
  const worker = setupWorker(...handlers)
  // The worker posts every response a second time, for MSW's life-cycle events, with a copy of the body
  // streamed from the worker. Unread, each copy keeps a message port open here and its stream open in the
  // worker for as long as the page lives (the worker's heap grew 0.45 MB every 10 minutes of polling 1,000
  // nodes). Nothing listens to those events: drop the copy.
  const dropCopy = ({ response }: { response: Response }) => {
    response.body?.cancel().catch(() => {})
  }
  worker.events.on('response:mocked', dropCopy)
  worker.events.on('response:bypass', dropCopy)
  await worker.start({
    // MSW 3 calls it a frame: requests and WebSocket connections alike.
    onUnhandledFrame: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
  // Only now: e2e waits for this handle, and a request sent before the worker is active would miss it.
  window.__nodeConsoleDemo = demo
}
