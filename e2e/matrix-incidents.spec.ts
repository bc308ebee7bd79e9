import { randomBytes } from 'node:crypto'
import { incidentContent, MAINTENANCE_EVENT_TYPE } from '../src/entities/incident/model/incident-content.ts'
import type { Incident } from '../src/entities/incident/model/incident.ts'
import { login, registerUser } from './support/matrix-api.ts'
import { readSynapseState } from './support/synapse-state.ts'
import { expect, test } from './support/matrix-fixtures.ts'

// Against the real Synapse: the bot's incident message (posted through the client-server API, in the bot's
// own format), alice's console reading it, bob's 👀 from another client, alice's answers going to the room.
test.describe.configure({ timeout: 120_000 })

const NODE = 'node-1-hetzner-gex44'

function incidentOn(nodeId: string, at: number): Incident {
  return {
    id: `nodes-${at.toString(36)}-${nodeId}`,
    kind: 'nodes',
    state: 'open',
    hub: null,
    nodes: [nodeId],
    through: [],
    down: [nodeId],
    flapping: [],
    unknownCount: 0,
    reason: null,
    since: at,
    openedAt: at,
    lastDownAt: at,
    resolvedAt: null,
    ack: null,
    escalations: [],
  }
}

test("the room's incident in alice's console: bob's 👀 with his presence, her own 👀, and maintenance", async ({
  alice,
  bob,
  room,
  homeserver,
}) => {
  const s = readSynapseState()
  const botName = `bot-${randomBytes(4).toString('hex')}`
  await registerUser(homeserver.baseUrl, s.registrationSecret, botName, 'bot-password')
  const bot = await login(homeserver.baseUrl, botName, 'bot-password')
  await bot.join(room.roomId)
  // The console's server would announce the bot in config.json; here the test does.
  await alice.context.route('**/config.json', (route) =>
    route.fulfill({
      json: { homeserverUrl: homeserver.baseUrl, chatRoom: room.alias, incidents: { botUserId: bot.userId } },
    }),
  )
  const incident = incidentOn(NODE, Date.now() - 5 * 60_000)
  const { event_id: incidentEvent } = await bot.send(room.roomId, { ...incidentContent(incident, 'en') })

  const page = alice.page
  await page.goto('/chat')
  await alice.signIn()
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Incidents/ })
    .click()
  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: NODE }) })
  await expect(card).toBeVisible({ timeout: 30_000 })
  await expect(card.getByText('Nobody has taken it yet')).toBeVisible()
  await expect(page).toHaveTitle('(1) Node Console')

  // bob, from his own client: online, and 👀 on the incident.
  await bob.api.call('PUT', `/presence/${encodeURIComponent(bob.userId)}/status`, { presence: 'online' })
  await bob.api.sendEvent(room.roomId, 'm.reaction', {
    'm.relates_to': { rel_type: 'm.annotation', event_id: incidentEvent, key: '👀' },
  })
  const bobOnIt = card.getByTestId('acker').filter({ hasText: 'is on it' })
  await expect(bobOnIt).toContainText(bob.username, { timeout: 30_000 })
  await expect(bobOnIt.getByRole('img', { name: 'online' })).toBeVisible({ timeout: 30_000 })

  // alice takes it too: her 👀 is an annotation on the incident, as bob's client reads it.
  await card.getByRole('button', { name: "I'm on it" }).click()
  await expect(card.getByText('You are on it')).toBeVisible()
  // The relations API is v1 (MatrixApi speaks v3): bob reads the room's events instead.
  await expect
    .poll(
      async () =>
        (await bob.api.rawMessages(room.roomId)).some(
          (e) =>
            e.type === 'm.reaction' &&
            e.sender === alice.userId &&
            e.content['m.relates_to']?.rel_type === 'm.annotation' &&
            e.content['m.relates_to'].event_id === incidentEvent &&
            e.content['m.relates_to'].key === '👀',
        ),
      { timeout: 20_000 },
    )
    .toBe(true)

  // From the node page: its open incident, and a maintenance window into the room's state.
  await card.getByRole('link', { name: NODE }).click()
  await expect(page.getByText('This node is in an open incident')).toBeVisible({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Maintenance…' }).click()
  const dialog = page.getByRole('dialog', { name: `Maintenance of ${NODE}` })
  await dialog.getByRole('radio', { name: '1 hour' }).check()
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('disk swap')
  const before = Date.now()
  await dialog.getByRole('button', { name: 'Set maintenance' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(/Under maintenance until/)).toBeVisible({ timeout: 20_000 })
  const state = await bob.api.call<{ until: number; reason: string }>(
    'GET',
    `/rooms/${encodeURIComponent(room.roomId)}/state/${MAINTENANCE_EVENT_TYPE}/${encodeURIComponent(NODE)}`,
  )
  expect(state.reason).toBe('disk swap')
  expect(state.until).toBeGreaterThanOrEqual(before + 59 * 60_000)
  expect(state.until).toBeLessThanOrEqual(Date.now() + 61 * 60_000)
})
