import { afterEach, beforeEach } from 'vitest'

const METHODS = ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const
type Method = (typeof METHODS)[number]
type Log = (...args: unknown[]) => void

/**
 * The Matrix SDK logs every request and sync step to the console. In tests that is noise: its lines are held
 * back per test and printed only when the test fails, where they help. Everything else logs as usual.
 */
export function quietMatrixLogs(): void {
  const real = new Map<Method, Log>(METHODS.map((m) => [m, console[m].bind(console) as Log]))
  beforeEach((ctx) => {
    const mine: { method: Method; args: unknown[] }[] = []
    for (const [method, original] of real) {
      console[method] = (...args: unknown[]) => {
        if (new Error().stack?.includes('matrix-js-sdk')) mine.push({ method, args })
        else original(...args)
      }
    }
    ctx.onTestFailed(() => {
      for (const { method, args } of mine) real.get(method)?.(...args)
    })
  })

  afterEach(() => {
    for (const [method, original] of real) console[method] = original
  })
}
