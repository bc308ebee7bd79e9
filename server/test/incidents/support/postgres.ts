import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A throwaway PostgreSQL cluster for the leader-election tests: initdb into a temp folder, listening on
 * 127.0.0.1 only. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
export async function startPostgres(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'incidents-pg-'))
  chmodSync(dir, 0o777)
  const data = join(dir, 'data')
  const asPg = (cmd: string, args: string[]) =>
    process.getuid?.() === 0
      ? (['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const)
      : ([cmd, args] as const)
  const [initCmd, initArgs] = asPg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  execFileSync(initCmd, [...initArgs], { stdio: 'ignore' })
  const [cmd, args] = asPg('postgres', [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
  ])
  const proc: ChildProcess = spawn(cmd, [...args], { stdio: 'ignore' })
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      execFileSync('pg_isready', ['-h', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' })
      break
    } catch {
      if (Date.now() > deadline) throw new Error('PostgreSQL did not start in 30 s')
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  return {
    url,
    stop: async () => {
      // pg_ctl, not a signal to the child: under runuser the signal would stop runuser, not the server.
      const exited = new Promise((r) => proc.once('exit', r))
      const [stopCmd, stopArgs] = asPg('pg_ctl', ['-D', data, 'stop', '-m', 'fast'])
      execFileSync(stopCmd, [...stopArgs], { stdio: 'ignore' })
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
