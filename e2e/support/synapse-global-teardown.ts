import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { matrixSpecsInRun } from './synapse-global-setup.ts'
import { synapsePort } from './synapse-state.ts'

/** Stops the Synapse the set-up started, unless E2E_KEEP_SYNAPSE=1 (faster reruns while developing). */
export default function globalTeardown() {
  if (!matrixSpecsInRun() || process.env.E2E_KEEP_SYNAPSE === '1') return
  execFileSync('bash', [join(process.cwd(), 'scripts/synapse.sh'), 'stop'], {
    stdio: 'inherit',
    env: { ...process.env, SYNAPSE_PORT: String(synapsePort()) },
  })
}
