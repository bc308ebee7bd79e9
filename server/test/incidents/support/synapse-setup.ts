import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Starts (or reuses) the local Synapse on SYNAPSE_PORT and stops it after the run if this run started it. */
export default function setup() {
  const port = process.env.SYNAPSE_PORT ?? '8448'
  const base = `http://127.0.0.1:${port}`
  const script = fileURLToPath(new URL('../../../../scripts/synapse.sh', import.meta.url))
  const env = { ...process.env, SYNAPSE_PORT: port }
  let running = false
  try {
    execFileSync('curl', ['-fsS', '-o', '/dev/null', '--max-time', '2', `${base}/health`], {
      stdio: 'ignore',
    })
    running = true
  } catch {
    execFileSync('bash', [script, 'start'], { stdio: 'inherit', env })
  }
  process.env.INCIDENTS_HOMESERVER = base
  return () => {
    if (!running) execFileSync('bash', [script, 'stop'], { stdio: 'inherit', env })
  }
}
