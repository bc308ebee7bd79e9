import { expect, test } from './support/matrix-fixtures.ts'

// Against a real Synapse (started by the global set-up); each test has its own users and room.
test.describe.configure({ timeout: 180_000 })

const savedSyncs = (page: import('@playwright/test').Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('matrix-js-sdk:')),
  )

/** Whether the page's saved sync holds a sync token (the SDK writes it shortly after a sync). */
const hasSavedSync = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => {
    const name = (await indexedDB.databases()).find((d) => d.name?.startsWith('matrix-js-sdk:'))?.name
    if (!name) return false
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name)
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(new Error('open failed'))
    })
    try {
      const saved = await new Promise<unknown[]>((resolve) => {
        const req = db.transaction('sync').objectStore('sync').getAll()
        req.onsuccess = () => resolve(req.result as unknown[])
        req.onerror = () => resolve([])
      })
      return saved.some((s) => typeof (s as { nextBatch?: unknown }).nextBatch === 'string')
    } finally {
      db.close()
    }
  })

test('a reload shows the last timeline from the saved sync, even before the homeserver answers', async ({
  alice,
  bob,
  homeserver,
  room,
}) => {
  await bob.api.text(room.roomId, 'kept across reloads')
  await alice.page.goto('/chat')
  await alice.page.getByLabel('Remember me').check()
  await alice.signIn()
  await expect(alice.page.getByText('kept across reloads', { exact: true })).toBeVisible()
  await expect.poll(() => hasSavedSync(alice.page)).toBe(true)

  // The homeserver stops answering: the reloaded page can only show what it kept.
  let blocked = true
  await alice.context.route(`${homeserver.baseUrl}/**`, (route) =>
    blocked ? route.abort() : route.fallback(),
  )
  await alice.page.reload()
  const log = alice.page.getByRole('log', { name: 'Messages' })
  await expect(log.getByText('kept across reloads', { exact: true })).toBeVisible({ timeout: 20_000 })

  // Then it catches up.
  blocked = false
  await bob.api.text(room.roomId, 'written while away')
  await expect(log.getByText('written while away', { exact: true })).toBeVisible({ timeout: 45_000 })

  // Signing out deletes what was kept.
  expect(await savedSyncs(alice.page)).toHaveLength(1)
  await alice.page.getByRole('button', { name: 'Sign out' }).click()
  await expect(alice.page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await expect.poll(() => savedSyncs(alice.page)).toEqual([])
})

test('a reload paints the kept timeline while the first /sync is still held, then catches up', async ({
  alice,
  bob,
  homeserver,
  room,
}) => {
  await bob.api.text(room.roomId, 'kept while the sync waits')
  await alice.page.goto('/chat')
  await alice.page.getByLabel('Remember me').check()
  await alice.signIn()
  await expect(alice.page.getByText('kept while the sync waits', { exact: true })).toBeVisible()
  await expect.poll(() => hasSavedSync(alice.page)).toBe(true)

  // Everything else answers (versions, push rules, filter); only /sync is held until released.
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  let heldSyncs = 0
  await alice.context.route(`${homeserver.baseUrl}/_matrix/client/v3/sync**`, async (route) => {
    heldSyncs++
    await released
    await route.fallback()
  })
  await bob.api.text(room.roomId, 'sent during the reload')
  await alice.page.reload()
  const log = alice.page.getByRole('log', { name: 'Messages' })
  await expect(log.getByText('kept while the sync waits', { exact: true })).toBeVisible({ timeout: 20_000 })
  // Shown from the cache: the sync is asked but held, so the newer message is not there yet.
  await expect.poll(() => heldSyncs).toBeGreaterThan(0)
  await expect(log.getByText('sent during the reload', { exact: true })).toHaveCount(0)

  release()
  await expect(log.getByText('sent during the reload', { exact: true })).toBeVisible({ timeout: 45_000 })
})
