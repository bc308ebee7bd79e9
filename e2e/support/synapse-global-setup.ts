import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { statePath, synapsePort, type SynapseState } from './synapse-state.ts'

/**
 * Starts the local Synapse (scripts/synapse.sh) when matrix specs (`e2e/chat-*.spec.ts`, `e2e/presence-*`)
 * are part of the run, and leaves its address for the fixtures. Other runs do not pay for it.
 */
export function matrixSpecsInRun(argv = process.argv): boolean {
  if (process.env.E2E_MATRIX === '0') return false
  if (process.env.E2E_MATRIX === '1') return true
  const i = argv.findIndex((a) => a === 'test')
  const args = (i >= 0 ? argv.slice(i + 1) : []).filter((a) => !a.startsWith('-'))
  // Options with values (`--project chromium`, `-g name`) leave plain words behind; only spec-like ones count.
  const filters = args.filter((a) => a.includes('/') || a.includes('.spec') || a.includes('spec'))
  if (filters.length === 0) return true
  return filters.some((f) => /chat-|presence-|matrix/.test(f))
}

export default function globalSetup() {
  if (!matrixSpecsInRun()) return
  const root = process.cwd()
  const env = { ...process.env, SYNAPSE_PORT: String(synapsePort()) }
  execFileSync('bash', [join(root, 'scripts/synapse.sh'), 'start'], { stdio: 'inherit', env })
  const state: SynapseState = {
    baseUrl: `http://127.0.0.1:${synapsePort()}`,
    serverName: 'localhost',
    registrationSecret: process.env.SYNAPSE_SECRET ?? 'node-console-test-secret',
  }
  mkdirSync(dirname(statePath()), { recursive: true })
  writeFileSync(statePath(), JSON.stringify(state, null, 2))
  process.env.MATRIX_E2E_HOMESERVER = state.baseUrl
}
