// Whether simplified sliding sync (MSC4186, on by default in Synapse since 1.114) would shorten the cold
// open: the homeserver's answer to the first sync of a fresh device, asked the way the console asks it
// (/v3/sync with its lean filter) and the sliding way (one room subscription with the same timeline
// length, lazy members and the extensions the chat reads), alternately, from Node (no browser).
import { percentile } from './stats.mjs'

const TIMELINE_LIMIT = 30
const SLIDING_PATH = '/_matrix/client/unstable/org.matrix.simplified_msc3575/sync'

/** The console's first-sync filter (src/lib/matrix/sync-filter.ts), inline as the SDK sends it. */
const V3_FILTER = {
  account_data: { not_types: ['*'] },
  room: {
    timeline: { limit: TIMELINE_LIMIT },
    state: { lazy_load_members: true },
    account_data: { types: ['m.fully_read'] },
    ephemeral: { types: ['m.receipt', 'm.typing'] },
  },
}

async function timed(url, init) {
  const t0 = performance.now()
  const res = await fetch(url, init)
  const body = await res.text()
  const ms = performance.now() - t0
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${body.slice(0, 200)}`)
  return { ms, bytes: body.length }
}

function v3Sync(base, token) {
  const q = new URLSearchParams({ filter: JSON.stringify(V3_FILTER), timeout: '0' })
  return timed(`${base}/_matrix/client/v3/sync?${q}`, { headers: { Authorization: `Bearer ${token}` } })
}

function slidingSync(base, token, roomId) {
  const body = {
    room_subscriptions: {
      [roomId]: {
        timeline_limit: TIMELINE_LIMIT,
        required_state: [
          ['m.room.create', ''],
          ['m.room.name', ''],
          ['m.room.power_levels', ''],
          ['m.room.member', '$LAZY'],
          ['m.room.member', '$ME'],
        ],
      },
    },
    extensions: {
      account_data: { enabled: true, rooms: [roomId] },
      receipts: { enabled: true, rooms: [roomId] },
      typing: { enabled: true, rooms: [roomId] },
    },
  }
  return timed(`${base}${SLIDING_PATH}?timeout=0`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

/** p50 of `runs` first syncs each way, every one on a new device (a fresh login), so no server cache helps. */
export async function firstSyncFigures({ base, login, roomId, runs }) {
  const v3 = []
  const sliding = []
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always meets a warmer server.
    const order = i % 2 ? ['sliding', 'v3'] : ['v3', 'sliding']
    for (const way of order) {
      const { access_token: token } = await login()
      if (way === 'v3') v3.push(await v3Sync(base, token))
      else sliding.push(await slidingSync(base, token, roomId))
    }
  }
  const note = (way, samples) =>
    `p50 of ${runs} fresh devices: the homeserver's answer to the first sync ${way} (timeline of ${TIMELINE_LIMIT}, lazy members), ${Math.round(
      percentile(
        samples.map((s) => s.bytes),
        50,
      ) / 1024,
    )} kB`
  return [
    {
      name: 'chat_first_sync_ms_v3',
      value: percentile(
        v3.map((s) => s.ms),
        50,
      ),
      note: note('through /v3/sync with the console filter', v3),
    },
    {
      name: 'chat_first_sync_ms_sliding',
      value: percentile(
        sliding.map((s) => s.ms),
        50,
      ),
      note: note('through simplified sliding sync (MSC4186), one room subscription', sliding),
    },
  ]
}
