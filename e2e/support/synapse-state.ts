import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** What the global set-up hands to the matrix specs (written to `.synapse/<port>/e2e-state.json`). */
export interface SynapseState {
  baseUrl: string
  serverName: string
  registrationSecret: string
}

export const synapsePort = () => Number(process.env.SYNAPSE_PORT ?? 8448)
export const statePath = () => join(process.cwd(), '.synapse', String(synapsePort()), 'e2e-state.json')

export function readSynapseState(): SynapseState {
  try {
    return JSON.parse(readFileSync(statePath(), 'utf8')) as SynapseState
  } catch {
    throw new Error(
      `No Synapse for the matrix specs (${statePath()} missing): run them through Playwright's global set-up, ` +
        'which starts it (scripts/synapse.sh).',
    )
  }
}
