import type { RuntimeConfig } from '@/lib/config/runtime-config.ts'

/** Starts the demo: MSW in the browser, serving the simulated registry and/or homeserver. */
export async function startDemo(config: RuntimeConfig): Promise<void> {
  void config
  // Filled in by the simulator work.
}
