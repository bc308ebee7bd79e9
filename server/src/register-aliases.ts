import { registerHooks } from 'node:module'

/**
 * The `@/` and `@mocks/` import aliases of the app's code (tsconfig `paths`, Vite's `resolve.alias`) for
 * Node, so the server can run the shared modules, and the demo registry's handlers, as they are.
 */
const src = new URL('../../src/', import.meta.url)
const mocks = new URL('../../mocks/', import.meta.url)

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('@/')) return nextResolve(new URL(specifier.slice(2), src).href, context)
    if (specifier.startsWith('@mocks/')) return nextResolve(new URL(specifier.slice(7), mocks).href, context)
    return nextResolve(specifier, context)
  },
})
