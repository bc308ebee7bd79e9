// Headless Chromium for the benchmark, and the in-page probes every page of the app gets.
import { chromium } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchBrowser() {
  const executablePath = process.env.PW_CHROMIUM_PATH ?? '/usr/bin/chromium'
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS })
}

/** The demo registry's path (src/entities/node/api/registry-http.ts, DEMO_REGISTRY_PATH). */
export const REGISTRY_PATH = '/demo-registry/'

/**
 * Installed in every app page before its scripts run (`addInitScript`). Everything is measured inside the
 * page with `performance.now()`, on the page's own clock, so the round trips of the driver never count.
 *
 * - `firstOption(selector)`: the first painted frame in which `selector` matches: a MutationObserver sees it
 *   appear, then the frame after the next requestAnimationFrame (a message posted from rAF runs once that
 *   frame is painted) is the time.
 * - `arm(signature)` / `result()`: keydown (its event timestamp) to the painted frame in which
 *   `signature()` (a string describing what the list shows) first differs from before the key.
 */
export function pageProbes() {
  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => cb(performance.now())
      ch.port2.postMessage(null)
    })
  const probes = {
    afterPaint,
    painted: {},
    watchFirst(name, selector) {
      const check = () => {
        if (probes.painted[name] !== undefined || !document.querySelector(selector)) return false
        probes.painted[name] = null
        afterPaint((t) => {
          probes.painted[name] = t
          performance.mark(`bench:${name}`)
        })
        return true
      }
      const start = () => {
        if (check()) return
        const mo = new MutationObserver(() => {
          if (check()) mo.disconnect()
        })
        mo.observe(document, { childList: true, subtree: true })
      }
      start()
    },
    keystroke: null,
    /** Arms the keystroke probe: resolves with ms from keydown to the painted change, or null after `timeoutMs`. */
    arm(signatureSource, timeoutMs) {
      // The signature is passed as source text: the page cannot receive a function from the driver.
      const signature = new Function(`return (${signatureSource})()`)
      const before = signature()
      let t0 = null
      const onKey = (e) => {
        if (t0 === null) t0 = e.timeStamp
      }
      document.addEventListener('keydown', onKey, { capture: true })
      probes.keystroke = new Promise((resolve) => {
        let done = false
        const finish = (ms) => {
          done = true
          mo.disconnect()
          clearTimeout(timer)
          document.removeEventListener('keydown', onKey, { capture: true })
          resolve({ ms, t0, t1: ms === null ? null : t0 + ms, before, after: signature() })
        }
        // The DOM change is seen as soon as React commits it; the frame that paints it is the next one.
        const mo = new MutationObserver(() => {
          if (done || t0 === null || signature() === before) return
          done = true
          const start = t0
          afterPaint((t1) => finish(t1 - start))
        })
        mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: true })
        const timer = setTimeout(() => {
          if (!done) finish(null)
        }, timeoutMs)
      })
    },
    /** rAF frame durations while `collect` is on. */
    frames: [],
    collectFrames(on) {
      if (!on) {
        probes.collecting = false
        return
      }
      probes.frames = []
      probes.collecting = true
      let last = null
      const tick = (t) => {
        if (!probes.collecting) return
        if (last !== null) probes.frames.push(t - last)
        last = t
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    },
  }
  window.__bench = probes
}
