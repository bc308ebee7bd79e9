import { lazy, useState, type ComponentType } from 'react'

/**
 * A component loaded on demand, like `React.lazy`, that renders at once once `preload()` has loaded it: a
 * lazy component suspends on its first render even when its chunk is there, and React holds a revealed
 * Suspense boundary back for up to 300 ms after its fallback, which an opened view would wait for.
 */
export function preloadableLazy<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null
  const preload = () =>
    load().then((component) => {
      loaded = component
      return component
    })
  const Lazy = lazy(() => preload().then((component) => ({ default: component })))
  function Preloadable(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the component would remount it.
    const [Loaded] = useState(() => loaded)
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />
  }
  return Object.assign(Preloadable, { preload })
}
