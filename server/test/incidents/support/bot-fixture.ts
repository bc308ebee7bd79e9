import { afterEach } from 'vitest'
import { startBot } from './bot-process.ts'
import { freshRoom } from './matrix-room.ts'
import { startRegistryStandIn } from './registry-stand-in.ts'

export const HS = `http://127.0.0.1:${process.env.SYNAPSE_PORT ?? '8448'}`
/** Short thresholds: online within 2 s of a beat, offline after 3 s, a poll a second. */
export const FAST = {
  HEARTBEAT_INTERVAL_SECONDS: '1',
  GRACE_SECONDS: '1',
  OFFLINE_AFTER_SECONDS: '3',
  BOT_POLL_MS: '1000',
}
export const poll = { timeout: 30_000, interval: 250 }

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** Registers a cleanup that runs after the current test, last registered first. */
export const onCleanup = (c: () => Promise<unknown>) => cleanups.push(c)

/** A fresh room, a registry of `nodes` over HTTP, and a way to start bot processes against both. */
export async function botFixture(nodes = ['node-a', 'node-b', 'node-c']) {
  const room = await freshRoom(HS)
  const registry = await startRegistryStandIn(nodes.map((id) => ({ id })))
  onCleanup(registry.close)
  const bot = (extra: Record<string, string> = {}) => {
    const b = startBot(room.botEnv({ REGISTRY_URL: registry.url(), ...FAST, ...extra }))
    onCleanup(() => b.stop())
    return b
  }
  return { room, registry, bot }
}
