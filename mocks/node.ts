/**
 * The registry simulator in Vitest: the same handlers as the browser demo, on `setupServer`.
 * Call `withRegistryServer()` at the top of a test file (not `use…`: it is no React hook); unhandled requests
 * fail the test.
 */
import type { AnyHandler } from 'msw'
import { setupServer, type SetupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createRegistry, type Registry } from '@/entities/node/api/registry-http.ts'
import type { FleetSimulator, FleetSimulatorOptions } from './registry/fleet-simulator-api.ts'
import { createFleetSimulator } from './registry/fleet-simulator.ts'
import { registryHandlers } from './registry/registry-handlers.ts'

/** Where the registry lives in tests (any origin works: MSW intercepts before the network). */
export const TEST_REGISTRY_URL = 'http://registry.test'

export interface TestRegistry {
  sim: FleetSimulator
  server: SetupServer
  /** The transport the app's endpoint files take, pointed at the simulator. */
  registry: Registry
  baseUrl: string
}

export interface TestRegistryOptions extends FleetSimulatorOptions {
  baseUrl?: string
  authorization?: string
  timeoutMs?: number
  /** More handlers (e.g. the homeserver's) on the same server. */
  extraHandlers?: readonly AnyHandler[]
}

/** A simulator, its MSW server (not yet listening) and a registry client for it. */
export function createTestRegistry(options: TestRegistryOptions = {}): TestRegistry {
  const baseUrl = options.baseUrl ?? TEST_REGISTRY_URL
  const sim = createFleetSimulator(options)
  const server = setupServer(...registryHandlers(sim, baseUrl), ...(options.extraHandlers ?? []))
  const registry = createRegistry({
    baseUrl,
    authorization: options.authorization,
    timeoutMs: options.timeoutMs ?? 5_000,
  })
  return { sim, server, registry, baseUrl }
}

/**
 * Starts a simulated registry for this test file: listening before all tests, per-test overrides reset after
 * each, closed after all. Returns a getter: each call gives the current registry. Pass `options.now` to
 * drive the simulator's clock yourself.
 */
export function withRegistryServer(options: TestRegistryOptions = {}): () => TestRegistry {
  let current: TestRegistry | null = null
  beforeAll(() => {
    current = createTestRegistry(options)
    current.server.listen({ onUnhandledFrame: 'error' })
  })
  afterEach(() => current?.server.resetHandlers())
  afterAll(() => current?.server.close())
  return () => {
    if (!current)
      throw new Error('withRegistryServer: the server starts in beforeAll; call the getter inside a test')
    return current
  }
}
