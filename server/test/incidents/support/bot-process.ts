import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * The incident bot as its own process (`npm run bot`), as production runs it, so a
 * test can restart it or kill it outright. Its log lines are kept for the assertions' messages.
 */
export function startBot(env: Record<string, string>) {
  const lines: string[] = []
  const proc: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      fileURLToPath(new URL('../../../src/register-aliases.ts', import.meta.url)),
      fileURLToPath(new URL('../../../src/incidents/main.ts', import.meta.url)),
    ],
    {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean))
  proc.stdout?.on('data', collect)
  proc.stderr?.on('data', collect)
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
  return {
    lines,
    log: () => lines.join('\n'),
    /** SIGTERM: a clean stop. SIGKILL: the process dies, its database connection with it. */
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal)
      return exited
    },
    exited,
  }
}
