// notifications_per_incident_3_tabs: three tabs of one browser context, opted in to notifications (permission
// granted, the opt-in remembered), watch a fleet served by the bench (no bot: each tab derives incidents
// itself). One node falls silent; every tab sees the one incident (its title says "(1)"), and the figure is
// how many `Notification`s all three constructed, counted by an init script. One is right: the incident's
// key is shown once across the tabs (Web Locks + localStorage in src/lib/notify/notify-once.ts).

const NODES = ['bench-a', 'bench-b', 'bench-c']
const SILENT = 'bench-b'

const node = (id, lastBeat) => ({
  node_id: id,
  node_name: id,
  status: 'ok',
  last_heartbeat: new Date(lastBeat).toISOString(),
  registered_at: '2026-01-01T00:00:00Z',
})

/** Counts every `new Notification(…)` in the page, then lets the real one do its work. */
function countNotifications() {
  window.__notifications = 0
  const Real = window.Notification
  if (!Real) return
  window.Notification = new Proxy(Real, {
    construct(target, args) {
      window.__notifications += 1
      return Reflect.construct(target, args)
    },
  })
  localStorage.setItem('node-console.notifications', 'on')
  localStorage.setItem('node-console.lang', 'en')
}

export async function notificationsPerIncident({ browser, baseUrl, log }) {
  const context = await browser.newContext()
  try {
    await context.grantPermissions(['notifications'], { origin: baseUrl })
    await context.addInitScript(countNotifications)
    await context.route('**/config.json', (route) =>
      route.fulfill({
        json: {
          registryUrl: '/bench-registry',
          heartbeatIntervalSeconds: 2,
          graceSeconds: 4,
          offlineAfterSeconds: 6,
        },
      }),
    )
    let silentSince = null
    await context.route('**/bench-registry/**', (route) => {
      if (!new URL(route.request().url()).pathname.endsWith('/api/v1/nodes'))
        return route.fulfill({ status: 404, json: { error: 'not in the bench registry' } })
      const now = Date.now()
      const nodes = NODES.map((id) => node(id, id === SILENT && silentSince !== null ? silentSince : now))
      return route.fulfill({ json: { nodes, total: nodes.length } })
    })
    const pages = []
    for (let i = 0; i < 3; i++) {
      const page = await context.newPage()
      await page.goto(`${baseUrl}/`)
      await page.getByText('bench-a', { exact: true }).first().waitFor({ timeout: 60_000 })
      pages.push(page)
    }
    log('three tabs on the bench fleet; bench-b falls silent')
    silentSince = Date.now()
    for (const page of pages) {
      await page.waitForFunction(() => document.title.startsWith('(1)'), null, { timeout: 60_000 })
    }
    // Every tab has asked; wait until no tab holds or waits for the notification lock.
    for (const page of pages) {
      await page.waitForFunction(
        async () => {
          const q = await navigator.locks.query()
          return ![...(q.held ?? []), ...(q.pending ?? [])].some((l) => l.name === 'node-console.notify')
        },
        null,
        { timeout: 30_000, polling: 100 },
      )
    }
    const counts = await Promise.all(pages.map((p) => p.evaluate(() => window.__notifications)))
    return {
      name: 'notifications_per_incident_3_tabs',
      value: counts.reduce((a, b) => a + b, 0),
      note: `Notification constructions per tab: ${counts.join(', ')} (one incident, three opted-in tabs)`,
    }
  } finally {
    await context.close()
  }
}
