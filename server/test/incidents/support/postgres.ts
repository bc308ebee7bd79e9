import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../../../../scripts/postgres.sh', import.meta.url))

/** A throwaway PostgreSQL for the leader-election tests, from the project's scripts/postgres.sh. */
export function startPostgres(): { url: string; stop: () => void } {
  const out = execFileSync('bash', [script, 'start'], { encoding: 'utf8' })
  const dir = /PG_DIR=(.*)/.exec(out)?.[1] ?? ''
  const url = /PG_URL=(.*)/.exec(out)?.[1] ?? ''
  if (!dir || !url) throw new Error(`scripts/postgres.sh start printed no cluster: ${out}`)
  return { url, stop: () => execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' }) }
}
