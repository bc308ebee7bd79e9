import { afterAll, beforeAll } from 'vitest'

/**
 * jsdom has no layout: gives every element a screen's size for this test file's tests, or a virtualizer
 * renders no rows. Removing the overrides afterwards brings back jsdom's getters on Element.prototype.
 */
export function withScreenLayout(size = { width: 1200, height: 800 }) {
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get: () => size.height,
    })
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => size.width })
  })
  afterAll(() => {
    for (const k of ['clientHeight', 'clientWidth']) Reflect.deleteProperty(HTMLElement.prototype, k)
  })
}
