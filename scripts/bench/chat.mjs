// The chat's figures (BENCH_ONLY=chat): the built app against the local Synapse (scripts/synapse.sh on
// SYNAPSE_PORT, stopped again at the end) with a room of 500 messages and 50 members, seeded through the
// admin registration API and the client-server API in parallel batches.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { firstSyncFigures } from './chat-first-sync.mjs'
import { percentile } from './stats.mjs'
import { startPreview } from './server.mjs'
import { registerUser } from './synapse-register.mjs'

const MEMBERS = 50
const MESSAGES = 500
const BATCH = 25

const hex = () => randomBytes(4).toString('hex')

async function matrix(base, method, path, token, body) {
  const res = await fetch(`${base}/_matrix/client/v3${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await res.json()
  // Rate-limited all the same (a homeserver configured elsewhere): wait as told, then again.
  if (res.status === 429 && typeof json.retry_after_ms === 'number') {
    await new Promise((r) => setTimeout(r, json.retry_after_ms))
    return matrix(base, method, path, token, body)
  }
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

async function inBatches(items, fn) {
  const out = []
  for (let i = 0; i < items.length; i += BATCH)
    out.push(...(await Promise.all(items.slice(i, i + BATCH).map(fn))))
  return out
}

/** A room of MEMBERS members and MESSAGES messages; returns alice's password, the room and its last event. */
async function seed(base, secret) {
  const run = hex()
  const users = await inBatches(
    Array.from({ length: MEMBERS }, (_, i) => i),
    (i) => registerUser(base, secret, `bench-${run}-${i}`, `pw-${run}`),
  )
  const [alice, ...others] = users
  const { room_id: roomId } = await matrix(base, 'POST', '/createRoom', alice.access_token, {
    preset: 'public_chat',
    name: 'Bench',
  })
  await inBatches(others, (u) =>
    matrix(base, 'POST', `/join/${encodeURIComponent(roomId)}`, u.access_token, {}),
  )
  const senders = others.slice(0, 5)
  await inBatches(
    Array.from({ length: MESSAGES - 1 }, (_, i) => i),
    (i) =>
      matrix(
        base,
        'PUT',
        `/rooms/${encodeURIComponent(roomId)}/send/m.room.message/b${i}`,
        senders[i % 5].access_token,
        {
          msgtype: 'm.text',
          body: `bench message ${i}: node-${i % 40} heartbeat looks ${i % 3 ? 'fine' : 'late'}`,
        },
      ),
  )
  const { event_id: lastId } = await matrix(
    base,
    'PUT',
    `/rooms/${encodeURIComponent(roomId)}/send/m.room.message/last`,
    senders[0].access_token,
    { msgtype: 'm.text', body: 'the last bench message' },
  )
  return { alice: { user: `bench-${run}-0`, password: `pw-${run}` }, roomId, lastId }
}

/** Whether the page's saved sync holds a sync token (the SDK writes it shortly after a sync). */
const hasSavedSync = () =>
  (async () => {
    const name = (await indexedDB.databases()).find((d) => d.name?.startsWith('matrix-js-sdk:'))?.name
    if (!name) return false
    const db = await new Promise((ok, fail) => {
      const req = indexedDB.open(name)
      req.onsuccess = () => ok(req.result)
      req.onerror = () => fail(new Error('open failed'))
    })
    try {
      const saved = await new Promise((ok) => {
        const req = db.transaction('sync').objectStore('sync').getAll()
        req.onsuccess = () => ok(req.result)
        req.onerror = () => ok([])
      })
      return saved.some((s) => typeof s?.nextBatch === 'string')
    } finally {
      db.close()
    }
  })()

/** A new device of `user`: its access token, user id and device id. */
const loginAs = (base, { user, password }) =>
  matrix(base, 'POST', '/login', null, {
    type: 'm.login.password',
    identifier: { type: 'm.id.user', user },
    password,
  })

/** Click on "Chat" to the painted frame showing the room's last message, on the page's own clock. */
async function openChat(page, lastId) {
  await page.getByRole('link', { name: 'Chat' }).waitFor()
  return page.evaluate(
    ({ selector }) =>
      new Promise((resolve, reject) => {
        window.__bench.watchFirst('last', selector)
        const t0 = performance.now()
        document.querySelector('a[href="/chat"]').click()
        const deadline = setTimeout(() => reject(new Error('last message not shown within 60 s')), 60_000)
        const poll = () => {
          const t1 = window.__bench.painted.last
          if (typeof t1 === 'number') {
            clearTimeout(deadline)
            resolve(t1 - t0)
          } else setTimeout(poll, 10)
        }
        poll()
      }),
    { selector: `[data-event-id="${lastId}"]` },
  )
}

/**
 * One profile: a cold open (empty IndexedDB, remembered session), then a warm one after a reload. `baseUrl`
 * serves the app with this homeserver and room in its config.json (no route in the page: Playwright turns
 * the HTTP cache off for a context with routes, and a reload would fetch every chunk again).
 */
async function profileRun({ browser, baseUrl, probes }, base, seeded) {
  const login = await loginAs(base, seeded.alice)
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })
  try {
    const session = {
      homeserverUrl: base,
      userId: login.user_id,
      accessToken: login.access_token,
      deviceId: login.device_id,
    }
    await context.addInitScript((s) => {
      localStorage.setItem('node-console.lang', 'en')
      localStorage.setItem('node-console.matrix.session', s)
    }, JSON.stringify(session))
    await context.addInitScript(probes)
    const page = await context.newPage()
    let receipts = 0
    page.on('request', (req) => {
      if (/\/receipt\/|\/read_markers/.test(req.url())) receipts++
    })
    await page.goto(`${baseUrl}/`)
    const cold = await openChat(page, seeded.lastId)
    const deadline = Date.now() + 30_000
    while (!(await page.evaluate(hasSavedSync))) {
      if (Date.now() > deadline) throw new Error('the sync was not saved within 30 s')
      await page.waitForTimeout(200)
    }
    // A receipt is sent once the timeline has settled (400 ms): give it time to go, then count per load.
    await page.waitForTimeout(1500)
    const coldReceipts = receipts
    receipts = 0
    await page.goto(`${baseUrl}/`)
    const warm = await openChat(page, seeded.lastId)
    await page.waitForTimeout(1500)
    const warmReceipts = receipts
    // As a user who opens the chat a moment after the page: the idle warm-up (src/app/chat/warm-chat.ts)
    // has built the client on the saved sync and asked for the versions; then the browser is idle again.
    const versions = page.waitForResponse((r) => r.url().endsWith('/_matrix/client/versions'))
    await page.goto(`${baseUrl}/`)
    await versions
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)))
    const warmIdle = await openChat(page, seeded.lastId)
    return { cold, warm, warmIdle, receipts: Math.max(coldReceipts, warmReceipts) }
  } finally {
    await context.close()
  }
}

export async function chatFigures(ctx) {
  const root = join(import.meta.dirname, '../..')
  const port = process.env.SYNAPSE_PORT ?? '8448'
  const base = `http://127.0.0.1:${port}`
  const env = { ...process.env, SYNAPSE_PORT: port }
  execFileSync('bash', [join(root, 'scripts/synapse.sh'), 'start'], { stdio: 'ignore', env })
  try {
    const secret = process.env.SYNAPSE_SECRET ?? 'node-console-test-secret'
    const t = Date.now()
    const seeded = await seed(base, secret)
    ctx.log(`seeded ${MEMBERS} members and ${MESSAGES} messages in ${((Date.now() - t) / 1000).toFixed(1)} s`)
    const app = await startPreview(ctx.port + 1, { homeserverUrl: base, chatRoom: seeded.roomId })
    const samples = []
    try {
      for (let i = 0; i < ctx.runs; i++)
        samples.push(await profileRun({ ...ctx, baseUrl: app.url }, base, seeded))
    } finally {
      await app.stop()
    }
    const firstSync = await firstSyncFigures({
      base,
      roomId: seeded.roomId,
      runs: ctx.runs,
      login: () => loginAs(base, seeded.alice),
    })
    const note = (what) =>
      `p50 of ${samples.length} fresh profiles with a remembered session, ${what}, room of ${MESSAGES} messages and ${MEMBERS} members on the local Synapse`
    return [
      {
        name: 'chat_open_to_timeline_ms_cold',
        value: percentile(
          samples.map((s) => s.cold),
          50,
        ),
        note: note('empty IndexedDB: click on Chat → last message painted'),
      },
      {
        name: 'chat_open_to_timeline_ms_warm',
        value: percentile(
          samples.map((s) => s.warm),
          50,
        ),
        note: note('after a reload (saved sync): click on Chat → last message painted'),
      },
      {
        name: 'chat_open_to_timeline_ms_warm_idle',
        value: percentile(
          samples.map((s) => s.warmIdle),
          50,
        ),
        note: note(
          'after a reload, once the idle warm-up has asked for the versions and the page is idle: click on Chat → last message painted',
        ),
      },
      {
        name: 'chat_receipts_per_page_load',
        value: Math.max(...samples.map((s) => s.receipts)),
        note: `most receipt or read-marker requests in one page load over ${samples.length * 2} loads (cold and warm)`,
      },
      ...firstSync,
    ]
  } finally {
    execFileSync('bash', [join(root, 'scripts/synapse.sh'), 'stop'], { stdio: 'ignore', env })
  }
}
