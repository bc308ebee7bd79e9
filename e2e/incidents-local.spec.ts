import { expect, test } from '@playwright/test'

// The demo: no incident bot configured, so the console derives incidents itself and says nobody is told.
test.use({ locale: 'en-GB' })
test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => window.localStorage.setItem('node-console.lang', 'en'))
})

test('without a bot, the Incidents view and the node page say plainly that nobody is notified', async ({
  page,
}) => {
  await page.goto('/')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Incidents/ })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText(/nobody is being notified/)).toBeVisible()
  await expect(page.getByRole('switch', { name: 'Browser notifications of new incidents' })).toBeVisible()
  await page.goto('/nodes/node-1-hetzner-gex44')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText(/nobody is being notified/)).toBeVisible()
  // No room to write to: no maintenance button that could not work.
  await expect(page.getByRole('button', { name: 'Maintenance…' })).toHaveCount(0)
})
