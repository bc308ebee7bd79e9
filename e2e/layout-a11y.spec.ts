import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

/**
 * The four main views pass axe (every rule of WCAG 2.1 A and AA, any impact) and show every badge whole (or
 * carry its whole text in a title), on a desktop and a phone, light and dark. One page load per viewport and
 * theme; the views are reached by client navigation, as a user would.
 */

test.use({ locale: 'en-GB', timezoneId: 'UTC' })
test.describe.configure({ timeout: 180_000 })

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const

async function audit(page: Page, view: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const violations = result.violations.map(
    (v) => `${view} · ${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
  const clipped = await page.locator('[data-badge]').evaluateAll((badges) =>
    badges
      .filter((b) => b instanceof HTMLElement && b.offsetParent !== null)
      .filter((b) => b.scrollWidth > b.clientWidth && !b.getAttribute('title'))
      .map((b) => b.textContent),
  )
  return [...violations, ...clipped.map((text) => `${view} · clipped badge without a title: ${text}`)]
}

for (const viewport of VIEWPORTS) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the main views at ${viewport.width}×${viewport.height}, ${scheme}`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.emulateMedia({ colorScheme: scheme })
      await page.clock.install()
      await page.goto('/')
      const list = page.getByRole('listbox', { name: 'Fleet nodes' })
      await expect(list).toBeVisible({ timeout: 30_000 })
      await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/)
      const found: string[] = []
      found.push(...(await audit(page, 'overview')))

      await page.getByRole('link', { name: 'Events' }).click()
      const events = page.getByRole('list', { name: 'Events, newest first' })
      await expect(events).toBeVisible({ timeout: 30_000 })
      found.push(...(await audit(page, 'events')))

      // The orphan's page, through its event (the list is virtual: on a phone its row may not be drawn).
      await events
        .locator('article[data-event-kind="orphan"][data-node-id="node-worker-ams1-3f9a1c2e"]')
        .getByRole('link')
        .click()
      await expect(page.getByText(/is an orphan of/)).toBeVisible({ timeout: 30_000 })
      await expect(page.getByRole('region', { name: 'Capabilities' })).toBeVisible()
      found.push(...(await audit(page, 'node page')))

      await page.getByRole('link', { name: 'Topology' }).click()
      await expect(page.locator('[data-edge="service"]').first()).toBeAttached({ timeout: 30_000 })
      found.push(...(await audit(page, 'topology')))

      expect(found).toEqual([])
    })
  }
}
