// CPU time, from a Chromium trace: how much of a wall-clock interval the page's threads actually ran. On a
// shared machine a 1 s figure may be 150 ms of work and 850 ms of waiting for a core; this tells them apart.
// One traced run per figure, beside (never inside) the timed runs, as tracing has its own overhead.

const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata']

export async function startTrace(browser, page) {
  await browser.startTracing(page, { categories: CATEGORIES })
}

/** Stops tracing and returns a function giving the CPU ms of the page's threads in an interval. */
export async function stopTrace(browser, anchorMark, anchorAt) {
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8'))
  // The renderer that ran the page is the one with our mark; its user timing puts performance.now() on
  // the trace's clock: ts (µs) = offset + performance.now() × 1000.
  const mark = traceEvents.find((e) => e.name === anchorMark && e.cat.includes('blink.user_timing'))
  if (!mark) throw new Error(`trace: mark ${anchorMark} not found`)
  const offset = mark.ts - anchorAt * 1000
  const names = new Map()
  for (const e of traceEvents) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid) names.set(e.tid, e.args.name)
  }
  const tasks = traceEvents.filter(
    (e) =>
      e.pid === mark.pid &&
      e.ph === 'X' &&
      e.name === 'ThreadControllerImpl::RunTask' &&
      e.tdur !== undefined,
  )
  /** CPU ms per thread kind ('main', 'worker', other names) between two performance.now() values. */
  return (from, to) => {
    const a = offset + from * 1000
    const b = offset + to * 1000
    const out = { main: 0, worker: 0 }
    for (const e of tasks) {
      const overlap = Math.min(b, e.ts + e.dur) - Math.max(a, e.ts)
      if (overlap <= 0) continue
      const cpu = (e.tdur * overlap) / Math.max(1, e.dur) / 1000
      const name = names.get(e.tid) ?? ''
      if (name === 'CrRendererMain') out.main += cpu
      else if (/Worker/.test(name) && !/Service/.test(name)) out.worker += cpu
    }
    return out
  }
}
