// The incident bot's figures (BENCH_ONLY=incidents): the bot as its own process against the local Synapse
// (scripts/synapse.sh on SYNAPSE_PORT) and a registry over HTTP, on the real clock with short thresholds:
// heartbeat interval 1 s, grace 1 s, offline after 3 s, a poll a second.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { percentile } from './stats.mjs'
import { registerUser } from './synapse-register.mjs'

const POLL_MS = 1000
const OFFLINE_MS = 3000
const SAMPLES = 5

const hex = () => randomBytes(4).toString('hex')

async function until(check, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await check()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function matrix(base, method, path, token, body) {
  const res = await fetch(`${base}/_matrix/client/v3${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await res.json()
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

async function user(base, secret, name) {
  const username = `${name}-${hex()}`
  const password = `pw-${hex()}`
  await registerUser(base, secret, username, password)
  return matrix(base, 'POST', '/login', null, {
    type: 'm.login.password',
    identifier: { type: 'm.id.user', user: username },
    password,
  })
}

export async function incidentFigures({ log }) {
  const root = join(import.meta.dirname, '../..')
  const port = process.env.SYNAPSE_PORT ?? '8448'
  const base = `http://127.0.0.1:${port}`
  // A homeserver that was already running (e.g. `npm run synapse`) is left running; one started here is stopped.
  const wasRunning = await fetch(`${base}/health`).then(
    (r) => r.ok,
    () => false,
  )
  execFileSync('bash', [join(root, 'scripts/synapse.sh'), 'start'], {
    stdio: 'ignore',
    env: { ...process.env, SYNAPSE_PORT: port },
  })
  const secret = process.env.SYNAPSE_SECRET ?? 'node-console-test-secret'
  const { startRegistryStandIn } = await import('../../server/test/incidents/support/registry-stand-in.ts')
  const { startBot } = await import('../../server/test/incidents/support/bot-process.ts')
  const alice = await user(base, secret, 'alice')
  const bot = await user(base, secret, 'incident-bot')
  const nodes = Array.from({ length: SAMPLES + 2 }, (_, i) => `node-${i}`)
  const registry = await startRegistryStandIn(nodes.map((id) => ({ id })))
  const bots = []
  try {
    const { room_id: roomId } = await matrix(base, 'POST', '/createRoom', alice.access_token, {
      preset: 'public_chat',
    })
    await matrix(base, 'POST', `/join/${encodeURIComponent(roomId)}`, bot.access_token, {})
    const events = async () =>
      (
        await matrix(
          base,
          'GET',
          `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=1000`,
          alice.access_token,
        )
      ).chunk
    const originals = async () =>
      (await events()).filter(
        (e) =>
          e.sender === bot.user_id &&
          e.type === 'm.room.message' &&
          e.content['org.nodeconsole.incident'] &&
          !e.content['m.relates_to'],
      )
    const latest = async (eventId) => {
      const edits = (await events()).filter((e) => e.content['m.relates_to']?.event_id === eventId)
      const last = edits.sort((a, b) => b.origin_server_ts - a.origin_server_ts)[0]
      return (last?.content['m.new_content'] ?? last?.content)?.['org.nodeconsole.incident']
    }
    const start = () => {
      const b = startBot({
        BOT_HOMESERVER_URL: base,
        BOT_ACCESS_TOKEN: bot.access_token,
        BOT_ROOM_ID: roomId,
        REGISTRY_URL: registry.url(),
        HEARTBEAT_INTERVAL_SECONDS: '1',
        GRACE_SECONDS: '1',
        OFFLINE_AFTER_SECONDS: String(OFFLINE_MS / 1000),
        BOT_POLL_MS: String(POLL_MS),
      })
      bots.push(b)
      return b
    }
    const polls = async (n) => {
      const from = registry.served()
      await until(() => registry.served() - from >= n, `${n} polls`)
    }
    let b = start()
    await until(() => b.log().includes('watching as'), 'the bot to start', 60_000)

    // Latency: from the moment the liveness model calls the node offline to the message's server time.
    const latencies = []
    for (let i = 0; i < SAMPLES; i++) {
      const id = nodes[i]
      const stoppedAt = Date.now()
      registry.stop(id)
      const find = async () =>
        (await originals()).find((e) => e.content['org.nodeconsole.incident'].nodes.includes(id))
      const msg = await until(find, `incident of ${id}`)
      latencies.push((msg.origin_server_ts - (stoppedAt + OFFLINE_MS)) / 1000)
      registry.start(id)
      await until(async () => (await latest(msg.event_id))?.state === 'resolved', `${id} resolved`)
    }
    await polls(3)
    const incidentIds = new Set((await originals()).map((e) => e.content['org.nodeconsole.incident'].id))
    const perIncident = (await originals()).length / incidentIds.size
    log(`incidents: latencies ${latencies.map((l) => l.toFixed(2)).join(', ')} s`)

    // Restart mid-incident.
    registry.stop(nodes[SAMPLES])
    const beforeRestart = (await originals()).length
    await until(
      async () => (await originals()).length === beforeRestart + 1,
      'the incident before the restart',
    )
    await b.stop()
    b = start()
    await until(() => b.log().includes('read back from the room'), 'the restarted bot', 60_000)
    await polls(5)
    const duplicates = (await originals()).length - (beforeRestart + 1)
    registry.start(nodes[SAMPLES])
    await polls(3)

    // Registry outage longer than the offline threshold.
    const beforeOutage = (await originals()).length
    await registry.kill()
    const killedAt = Date.now()
    await until(() => Date.now() - killedAt > OFFLINE_MS + 2000, 'the outage')
    await registry.revive()
    await polls(OFFLINE_MS / POLL_MS + 4)
    const all = await originals() // newest first
    const afterOutage = all.slice(0, all.length - beforeOutage)
    const falseIncidents = afterOutage.filter(
      (e) => e.content['org.nodeconsole.incident'].kind !== 'registry',
    ).length

    const note = `bot process, real Synapse, registry over HTTP; poll ${POLL_MS / 1000} s, offline after ${OFFLINE_MS / 1000} s`
    return [
      {
        name: 'alert_latency_s',
        value: percentile(latencies, 95),
        note: `p95 of ${SAMPLES} node stops, from offline by the liveness model to the message (${note}); budget = one poll + 2 s`,
      },
      {
        name: 'messages_per_incident',
        value: perIncident,
        note: `originals (not edits) per incident over ${incidentIds.size} incidents, each opened and resolved`,
      },
      {
        name: 'duplicate_messages_restart',
        value: duplicates,
        note: 'extra incident messages after the bot restarts mid-incident',
      },
      {
        name: 'false_incidents_registry_outage',
        value: falseIncidents,
        note: `node incidents after a ${(OFFLINE_MS + 2000) / 1000} s registry outage (every beat stale on its return)`,
      },
    ]
  } finally {
    for (const x of bots) await x.stop()
    await registry.close()
    if (!wasRunning) {
      execFileSync('bash', [join(root, 'scripts/synapse.sh'), 'stop'], {
        stdio: 'ignore',
        env: { ...process.env, SYNAPSE_PORT: port },
      })
    }
  }
}
