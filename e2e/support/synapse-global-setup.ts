import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { statePath, synapsePort, type SynapseState } from './synapse-state.ts'

/**
 * Starts the local Synapse (scripts/synapse.sh) when matrix specs (`e2e/chat-*.spec.ts`, `e2e/presence-*`)
 * are part of the run, and leaves its address for the fixtures. Other runs do not pay for it.
 */
/** `playwright test` options followed by a value (as a separate argument, not `--opt=value`). */
const VALUE_OPTIONS = new Set([
  '-c',
  '--config',
  '--output',
  '--project',
  '-g',
  '--grep',
  '--grep-invert',
  '--reporter',
  '-j',
  '--workers',
  '--repeat-each',
  '--retries',
  '--timeout',
  '--global-timeout',
  '--max-failures',
  '--shard',
  '--trace',
  '--tsconfig',
  '--test-list',
  '--test-list-invert',
  '--browser',
])

export function matrixSpecsInRun(argv = process.argv): boolean {
  if (process.env.E2E_MATRIX === '0') return false
  if (process.env.E2E_MATRIX === '1') return true
  return specsInRun(/chat-|presence-|matrix/, argv)
}

/** Whether the run includes specs whose file names match `pattern` (a run without spec filters has all). */
export function specsInRun(pattern: RegExp, argv = process.argv): boolean {
  const i = argv.findIndex((a) => a === 'test')
  const rest = i >= 0 ? argv.slice(i + 1) : []
  // The plain words, without the values of options that take one (`--output /tmp/out` is no spec filter).
  const args = rest.filter((a, k) => !a.startsWith('-') && !VALUE_OPTIONS.has(rest[k - 1] ?? ''))
  // Only spec-like words count (a stray value of an option not listed above is rarely one).
  const filters = args.filter((a) => a.includes('/') || a.includes('.spec') || a.includes('spec'))
  if (filters.length === 0) return true
  return filters.some((f) => pattern.test(f))
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
